import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfficeImportReportSchema, officeCsvColumns } from '@ecoo/shared/offices/import';
import { OfficeListSchema } from '@ecoo/shared/offices/schemas';
import { ProblemSchema } from '@ecoo/shared/problem';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';

let app: TestApp;
let admin: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  admin = (await signedInAs(app, 'agency-admin', (await addAgency(app.db)).id)).client;
});
afterAll(() => app.stop());

const header = officeCsvColumns.join(',');
const row = (code: string, overrides: Partial<Record<(typeof officeCsvColumns)[number], string>> = {}) => {
  const values = {
    name: `Office ${code}`, code, addressLine1: '"Plot 12, MIDC"', addressLine2: '', city: 'Mumbai', state: 'Maharashtra', pinCode: '400093',
    phone: '022 28200000', email: 'office@eicindia.gov.in', gstin: '27AAPFU0939F1ZV', merchantId: `MID${code.replace(/\W/g, '')}`, checksumKey: 'kR9!xQ2#pL7v', isEWalletEnabled: 'yes',
    ...overrides,
  };
  return officeCsvColumns.map((column) => values[column]).join(',');
};
const csv = (...lines: string[]) => `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
const upload = (path: string, text: string | Buffer, name = 'offices.csv') => {
  const form = new FormData();
  form.append('file', new Blob([typeof text === 'string' ? text : new Uint8Array(text)], { type: 'text/csv' }), name);
  return admin.upload(path, form);
};
const officeCodes = async () => OfficeListSchema.parse(await (await admin.get('/api/offices?status=all&sort=code')).json()).offices.map((o) => o.code);

describe('POST /api/offices/import-dry-runs', () => {
  it('reports every row, names the bad one, and changes nothing', async () => {
    const file = csv(row('IMP-1'), row('IMP-2', { merchantId: 'MID\u200B2', pinCode: '012345' }), row('IMP-3'));
    const response = await upload('/api/offices/import-dry-runs', file);
    expect(response.status).toBe(200);
    const report = OfficeImportReportSchema.parse(await response.json());
    expect(report).toMatchObject({ isImportable: false, isImported: false, counts: { new: 2, unchanged: 0, invalid: 1 } });
    const bad = report.rows.find((r) => r.line === 3);
    expect(bad?.outcome).toBe('invalid');
    expect(bad?.errors.map((e) => e.path)).toEqual(['pinCode', 'merchantId']);
    expect(bad?.errors.find((e) => e.path === 'merchantId')?.message).toContain('U+200B zero-width space at position 4');
    expect(await officeCodes()).toEqual([]);
  });

  it('refuses a wrong header, a duplicate code, a row with too few fields and a bad e-wallet value', async () => {
    const wrongHeader = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', 'code,name\nA,B\n')).json());
    expect(wrongHeader.fileErrors[0]?.message).toContain('The first line must be the header');
    const report = OfficeImportReportSchema.parse(
      await (await upload('/api/offices/import-dry-runs', csv(row('DUP-1'), row('DUP-1'), 'X,Y', row('EW-1', { isEWalletEnabled: 'maybe' })))).json(),
    );
    expect(report.rows.map((r) => [r.line, r.outcome, r.errors[0]?.code])).toEqual([
      [2, 'new', undefined],
      [3, 'invalid', 'import.duplicateCode'],
      [4, 'invalid', 'import.columns'],
      [5, 'invalid', 'import.eWallet'],
    ]);
  });

  it('takes codes that differ only in case or spacing for one code: the dry run refuses the second, and so does the import, writing nothing', async () => {
    const file = csv(row('case-1'), row('CASE-1'), row(' SPACE-1'), row('SPACE-1'));
    const report = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', file)).json());
    expect(report.rows.map((r) => [r.line, r.outcome, r.errors[0]?.code, r.errors[0]?.params?.first])).toEqual([
      [2, 'new', undefined, undefined],
      [3, 'invalid', 'import.duplicateCode', 2],
      [4, 'new', undefined, undefined],
      [5, 'invalid', 'import.duplicateCode', 4],
    ]);
    const imported = await upload('/api/offices/imports', file);
    expect(imported.status).toBe(422);
    expect((await officeCodes()).filter((code) => /^(CASE|SPACE)-1$/.test(code))).toEqual([]);
  });

  it('when the state is written in other case or spacing, takes it as the listed name; an unknown state is refused naming the accepted ones', async () => {
    const report = OfficeImportReportSchema.parse(
      await (await upload('/api/offices/import-dry-runs', csv(row('ST-1', { state: 'MAHARASHTRA' }), row('ST-2', { state: '  maharashtra ' }), row('ST-3', { state: 'Bombay State' })))).json(),
    );
    expect(report.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'invalid']);
    const refusal = report.rows[2]?.errors[0];
    expect(refusal).toMatchObject({ path: 'state', code: 'import.state', params: { found: 'Bombay State' } });
    expect(String(refusal?.params?.accepted)).toContain('Maharashtra, Manipur');
    expect(refusal?.message).toContain('West Bengal');
  });

  it('when a cell holds an invisible character, says to correct the cell in the file (there is no Fix button in an import)', async () => {
    const report = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', csv(row('FX-1', { merchantId: 'MID\u200BFX1', checksumKey: 'kR9 xQ2#pL7v' })))).json());
    const errors = report.rows[0]?.errors ?? [];
    expect(errors.map((e) => e.code)).toEqual(['import.merchantId.chars', 'import.checksumKey.chars']);
    for (const error of errors) {
      expect(error.message).not.toContain('Fix');
      expect(error.message).toContain('cell in the file');
    }
  });

  it('file-level errors carry a code and params, so they can be shown in any language', async () => {
    const wrongHeader = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', 'code,name\nA,B\n')).json());
    expect(wrongHeader.fileErrors[0]).toMatchObject({ path: 'file', code: 'import.header', params: { expected: header, found: 'code,name' } });
    const empty = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', `${header}\n`)).json());
    expect(empty.fileErrors.map((e) => e.code)).toEqual(['import.empty']);
    const unclosed = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', `${header}\n"Office,X\n`)).json());
    expect(unclosed.fileErrors[0]).toMatchObject({ code: 'import.unclosedQuote', params: { line: 2 } });
  });

  it('refuses a spreadsheet or binary file by its content with 415', async () => {
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1)]);
    const response = await upload('/api/offices/import-dry-runs', xlsx, 'offices.csv');
    expect(response.status).toBe(415);
    expect(ProblemSchema.parse(await response.json()).detail).toContain('spreadsheet');
    expect((await upload('/api/offices/import-dry-runs', Buffer.from([0x61, 0xff, 0xfe, 0x62]))).status).toBe(415);
  });

  it('without a file answers 400; signed out 401; a reviewer 403', async () => {
    expect((await admin.upload('/api/offices/import-dry-runs', new FormData())).status).toBe(400);
    const form = new FormData();
    form.append('file', new Blob([csv(row('X-1'))]), 'o.csv');
    expect((await app.client().upload('/api/offices/import-dry-runs', form)).status).toBe(401);
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    expect((await reviewer.upload('/api/offices/import-dry-runs', form)).status).toBe(403);
  });
});

describe('POST /api/offices/imports', () => {
  it('with one bad row imports nothing (422 naming the line), then the corrected file imports all, and importing it again changes nothing', async () => {
    const bad = csv(row('ALL-1'), row('ALL-2', { gstin: '27AAPFU0939F1ZW' }));
    const refused = await upload('/api/offices/imports', bad);
    expect(refused.status).toBe(422);
    const problem = ProblemSchema.parse(await refused.json());
    expect(problem.errors?.[0]).toMatchObject({ path: 'line 3: gstin', code: 'validation.gstin.check' });
    expect(await officeCodes()).not.toContain('ALL-1');

    const good = csv(row('ALL-1'), row('ALL-2'));
    const imported = OfficeImportReportSchema.parse(await (await upload('/api/offices/imports', good)).json());
    expect(imported).toMatchObject({ isImported: true, counts: { new: 2, unchanged: 0, invalid: 0 } });
    expect(await officeCodes()).toEqual(expect.arrayContaining(['ALL-1', 'ALL-2']));
    const auditRows = await app.db.selectFrom('audit_entries').select('id').where('action', '=', 'office.created').execute();

    const again = OfficeImportReportSchema.parse(await (await upload('/api/offices/imports', good)).json());
    expect(again).toMatchObject({ isImported: true, counts: { new: 0, unchanged: 2, invalid: 0 } });
    expect((await app.db.selectFrom('audit_entries').select('id').where('action', '=', 'office.created').execute()).length).toBe(auditRows.length);
  });

  it('a row whose code exists with other details, or another key, is refused, not overwritten', async () => {
    await upload('/api/offices/imports', csv(row('OVR-1')));
    const report = OfficeImportReportSchema.parse(await (await upload('/api/offices/import-dry-runs', csv(row('OVR-1', { checksumKey: 'AnotherKey#99' })))).json());
    expect(report.rows[0]).toMatchObject({ outcome: 'invalid', errors: [expect.objectContaining({ code: 'import.existsDifferent' })] });
  });
});
