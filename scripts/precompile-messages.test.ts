import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../shared/src/i18n/en.ts';
import { hi } from '../shared/src/i18n/hi.ts';
import { precompileMessages } from './precompile-messages.ts';

const cataloguesDir = path.resolve(import.meta.dirname, '../shared/src/i18n');

/** Runs the plugin's load hook as the build does, and evaluates the module it writes. */
async function loadAsBuilt(id: string): Promise<Record<string, unknown> | null> {
  const plugin = precompileMessages();
  const load = plugin.load as (this: { addWatchFile(file: string): void }, id: string) => Promise<string | null>;
  const code = await load.call({ addWatchFile: () => {} }, id);
  if (code === null) return null;
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, unknown>;
}

describe('the build’s precompiled catalogues', () => {
  it('are each message’s ICU syntax tree, for every key of both languages', async () => {
    for (const [file, exportName, messages, locale] of [['en.ts', 'en', en, 'en-IN'], ['hi.ts', 'hi', hi, 'hi-IN']] as const) {
      const built = await loadAsBuilt(path.join(cataloguesDir, file));
      const expected = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text, { ignoreTag: true, locale: new Intl.Locale(locale) })]));
      expect(built?.[exportName]).toEqual(expected);
    }
  }, 30_000);

  it('leave every other module alone, even one named like a catalogue', async () => {
    expect(await loadAsBuilt(path.join(cataloguesDir, 'translate.ts'))).toBeNull();
    expect(await loadAsBuilt(path.resolve(import.meta.dirname, 'en.ts'))).toBeNull();
  });
});
