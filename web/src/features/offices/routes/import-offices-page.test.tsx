import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { OfficeImportReportSchema, type OfficeImportReport } from '@ecoo/shared/offices/import';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { fieldProblemText } from '../../../lib/i18n';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const refusedReport = OfficeImportReportSchema.parse({
  isImportable: false,
  isImported: false,
  fileErrors: [],
  rows: [
    { line: 2, code: 'IMP-1', outcome: 'new', errors: [] },
    { line: 3, code: 'IMP-2', outcome: 'invalid', errors: [fieldProblem('merchantId', 'import.merchantId.chars', { offences: 'U+200B zero-width space at position 4' })] },
  ],
  counts: { new: 1, unchanged: 0, invalid: 1 },
});
const goodReport = OfficeImportReportSchema.parse({ ...refusedReport, isImportable: true, rows: [refusedReport.rows[0]], counts: { new: 1, unchanged: 0, invalid: 0 } });

function answer(report: OfficeImportReport, seen: string[]) {
  return async ({ request }: { request: Request }) => {
    seen.push(request.headers.get('content-type') ?? '');
    return HttpResponse.json(report);
  };
}

async function chooseFile(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByRole('heading', { level: 1, name: 'Import offices from a CSV file' });
  const file = new File(['name,code\n'], 'offices.csv', { type: 'text/csv' });
  await user.upload(screen.getByLabelText(/^CSV file of offices/), file);
}

describe('Import offices from a CSV file', () => {
  it('when the dry run finds a bad row, lists it with its error and keeps the import closed', async () => {
    const seen: string[] = [];
    server.use(http.post('/api/offices/import-dry-runs', answer(refusedReport, seen)));
    const { user } = renderApp('/dashboard/offices/import', { role: 'agency-admin' });
    await chooseFile(user);
    expect(screen.getByRole('button', { name: /^Import/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByText(/Some rows have errors/)).toBeInTheDocument();
    const bad = within(screen.getByRole('rowheader', { name: '3' }).closest('tr') as HTMLElement);
    expect(bad.getByText('Has errors')).toBeInTheDocument();
    expect(bad.getByText(/^Merchant ID: .*Found: U\+200B zero-width space at position 4\./)).toBeInTheDocument();
    expect(bad.queryByText(/merchantId:/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 1 new office' })).toBeDisabled();
    expect(seen[0]).toMatch(/^multipart\/form-data/);
  });

  it('when the dry run is clean, imports and says how many were added', async () => {
    const seen: string[] = [];
    server.use(
      http.post('/api/offices/import-dry-runs', answer(goodReport, seen)),
      http.post('/api/offices/imports', answer({ ...goodReport, isImported: true }, seen)),
    );
    const { user } = renderApp('/dashboard/offices/import', { role: 'agency-admin' });
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));
    const importButton = screen.getByRole('button', { name: 'Import 1 new office' });
    await expect.poll(() => (importButton as HTMLButtonElement).disabled).toBe(false);
    await user.click(importButton);
    expect(await screen.findByText('Imported 1 new office; 0 were already there with the same details.')).toBeInTheDocument();
    expect(seen).toHaveLength(2);
  });

  it('when every office of the file is already there, offers no import and says there is nothing to import', async () => {
    const unchanged = OfficeImportReportSchema.parse({ isImportable: true, isImported: false, fileErrors: [], rows: [{ line: 2, code: 'IMP-1', outcome: 'unchanged', errors: [] }], counts: { new: 0, unchanged: 1, invalid: 0 } });
    server.use(http.post('/api/offices/import-dry-runs', answer(unchanged, [])));
    const { user } = renderApp('/dashboard/offices/import', { role: 'agency-admin' });
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    expect(await screen.findByText('Nothing to import: every office in this file is already there with the same details.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Import/ })).not.toBeInTheDocument();
  });

  it('when the file itself is wrong, says what is wrong from its code and params', async () => {
    const wrongFile = OfficeImportReportSchema.parse({
      isImportable: false,
      isImported: false,
      fileErrors: [fieldProblem('file', 'import.header', { expected: 'name,code', found: 'code,name' })],
      rows: [],
      counts: { new: 0, unchanged: 0, invalid: 0 },
    });
    server.use(http.post('/api/offices/import-dry-runs', answer(wrongFile, [])));
    const { user } = renderApp('/dashboard/offices/import', { role: 'agency-admin' });
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Check the file' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The first line must be the header name,code; found code,name.');
    // The words come from the code: the Hindi catalogue has its own for the same problem.
    expect(fieldProblemText({ ...wrongFile.fileErrors[0]!, message: 'not used' })).toBe('The first line must be the header name,code; found code,name.');
  });
});
