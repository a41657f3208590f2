import path from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';

/** The catalogues, by file name: the name each exports its messages under, and the locale they are parsed in (as translate() does). */
const catalogueExports: Record<string, { exportName: string; locale: string }> = { 'en.ts': { exportName: 'en', locale: 'en-IN' }, 'hi.ts': { exportName: 'hi', locale: 'hi-IN' } };
/** Matched by the end of the path (module ids use forward slashes): a workspace link or a copy of the repository must not let a catalogue through as text, which the parser-less build cannot read. */
const cataloguesDirSuffix = '/shared/src/i18n';

/** The catalogue a module id names, if it is one (ids may carry a ?query). */
function catalogueOf(id: string): { file: string; exportName: string; locale: string } | undefined {
  const file = id.split('?')[0]!;
  const catalogue = catalogueExports[path.basename(file)];
  return catalogue !== undefined && path.dirname(file).endsWith(cataloguesDirSuffix) ? { file, ...catalogue } : undefined;
}

/**
 * In the build, each catalogue's messages arrive already parsed: the ICU syntax tree that
 * `intl-messageformat` would otherwise make in the browser from each string. The parser (about
 * 12 KB brotli, and the work of parsing on a slow phone) then stays out of the bundle: the build
 * points `@formatjs/icu-messageformat-parser` at its `no-parser` entry, which keeps the types and
 * throws if anything still asks for a parse. translate() takes either form, so the BFF and the
 * tests read the source strings. A message that does not parse fails the build here, named.
 * The tree goes out as one JSON.parse of a string, which V8 reads faster than an object literal.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'ecoo-precompile-messages',
    apply: 'build',
    enforce: 'pre',
    // Only in the build: the tests and the dev server parse the source strings.
    config: () => ({ resolve: { alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' }] } }),
    async load(id) {
      const catalogue = catalogueOf(id);
      if (!catalogue) return null;
      this.addWatchFile(catalogue.file);
      const module = (await tsImport(catalogue.file, import.meta.url)) as Record<string, Record<string, string>>;
      const messages = module[catalogue.exportName];
      if (!messages) throw new Error(`${catalogue.file} exports no ${catalogue.exportName}`);
      const locale = new Intl.Locale(catalogue.locale);
      const trees: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(messages)) {
        try {
          // The options translate() gives IntlMessageFormat: a "<" in a message is text, never markup.
          trees[key] = parse(message, { ignoreTag: true, locale });
        } catch (error) {
          throw new Error(`${path.basename(catalogue.file)}: message ${key} is not ICU MessageFormat: ${(error as Error).message}`);
        }
      }
      return `export const ${catalogue.exportName} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(trees))});\n`;
    },
  };
}

