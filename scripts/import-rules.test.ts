import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The import rules of eslint.config.js, run through ESLint's Node API on code that breaks them.
// Imports must resolve to real files for the rules to judge them, so the code imports files that
// exist; only the importing file is imaginary (lintText with a filePath), except for the cycle,
// whose two ends must both be on disk.

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });
// The path rules alone: no-cycle would walk the whole BFF from an accounts import (10 s here).
const boundaries = new ESLint({ cwd: root, overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });

async function ruleIdsFor(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await boundaries.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map((message) => message.ruleId);
}

describe('Import rules', () => {
  let fixtures: string;

  beforeAll(() => {
    fixtures = fs.mkdtempSync(path.join(root, '.lint-fixture-'));
    fs.writeFileSync(path.join(fixtures, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(fixtures, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    fs.writeFileSync(path.join(fixtures, 'c.ts'), "import { d } from './d';\nexport type C = { value: string };\nexport const c = d;\n");
    fs.writeFileSync(path.join(fixtures, 'd.ts'), "import type { C } from './c';\nexport const d = (input: C) => input.value;\n");
  });

  afterAll(() => {
    fs.rmSync(fixtures, { recursive: true, force: true });
  });

  it('SPA feature importing another feature: reported as a restricted path', async () => {
    const ruleIds = await ruleIdsFor(
      "import { registrationKeys } from '../../registrations/api/registration-keys';\nexport const keys = registrationKeys;\n",
      'web/src/features/offices/routes/imaginary-page.tsx',
    );
    expect(ruleIds).toEqual(['import-x/no-restricted-paths']);
  });

  it('SPA feature importing its own files and modules/, lib/, config/: nothing reported', async () => {
    const ruleIds = await ruleIdsFor(
      [
        "import { officeKeys } from '../api/office-keys';",
        "import { imageKeys } from '../../../modules/images/api/image-keys';",
        "import { t } from '../../../lib/i18n';",
        "import { paths } from '../../../config/paths';",
        'export const used = [officeKeys, imageKeys, t, paths];',
      ].join('\n'),
      'web/src/features/offices/routes/imaginary-page.tsx',
    );
    expect(ruleIds).toEqual([]);
  });

  it('SPA module importing a feature: reported as a restricted path', async () => {
    const ruleIds = await ruleIdsFor("import { officeKeys } from '../../../features/offices/api/office-keys';\nexport const keys = officeKeys;\n", 'web/src/modules/images/api/imaginary.ts');
    expect(ruleIds).toEqual(['import-x/no-restricted-paths']);
  });

  it("BFF feature importing another feature's internals: reported; through its index.ts: nothing reported", async () => {
    const internal = await ruleIdsFor("import { sessionPolicy } from '../accounts/service.ts';\nexport const policy = sessionPolicy;\n", 'bff/src/offices/imaginary.ts');
    const surface = await ruleIdsFor("import { sessionPolicy } from '../accounts/index.ts';\nexport const policy = sessionPolicy;\n", 'bff/src/offices/imaginary.ts');
    expect(internal).toEqual(['import-x/no-restricted-paths']);
    expect(surface).toEqual([]);
  });

  it("BFF infrastructure importing a feature's internals: reported", async () => {
    const ruleIds = await ruleIdsFor("import { sessionCookie } from '../accounts/session-middleware.ts';\nexport const cookie = sessionCookie;\n", 'bff/src/http/imaginary.ts');
    expect(ruleIds).toEqual(['import-x/no-restricted-paths']);
  });

  it('two files importing each other: the cycle is reported in both', async () => {
    const results = await eslint.lintFiles([path.join(fixtures, 'a.ts'), path.join(fixtures, 'b.ts')]);
    expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([['import-x/no-cycle'], ['import-x/no-cycle']]);
  });

  it('a cycle closed only by a type import (erased at run time): nothing reported', async () => {
    const results = await eslint.lintFiles([path.join(fixtures, 'c.ts'), path.join(fixtures, 'd.ts')]);
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });
});
