import { useState } from 'react';
import { officeCsvColumns } from '@ecoo/shared/offices/import';
import { t } from '../../../lib/i18n';
import { problemMessage } from '../../../lib/form-errors';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FilePicker } from '../../../components/ui/file-picker';
import { PageHeading } from '../../../components/ui/page-heading';
import { useDryRunOfficeImport, useImportOffices } from '../api/import-offices';
import { ImportReport } from '../components/import-report';
import { BackToOffices } from './back-to-offices';

/** A dry run first; the import button opens only when every row is right, and imports all rows or none. */
export function ImportOfficesPage() {
  const [file, setFile] = useState<File | null>(null);
  const dryRun = useDryRunOfficeImport();
  const importing = useImportOffices();
  const report = importing.data ?? dryRun.data;
  const failure = importing.error ?? dryRun.error;
  // A file whose every office is already there: importing it would change nothing, so there is no button to press.
  const isNothingNew = dryRun.data?.isImportable === true && dryRun.data.counts.new === 0;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    dryRun.reset();
    importing.reset();
  };

  return (
    <>
      <BackToOffices />
      <PageHeading help="administrator#import-offices">{t('offices.import.title')}</PageHeading>
      <p>{t('offices.import.intro')}</p>
      <p>
        {t('offices.import.header')} <code>{officeCsvColumns.join(',')}</code>
      </p>
      <FilePicker id="office-import-file" label={t('offices.import.file')} hint={t('offices.import.file.hint')} accept=".csv,text/csv" file={file} onChange={choose} isRequired />
      <div className="button-row">
        <Button variant="secondary" isBusy={dryRun.isPending} disabled={!file} onClick={() => file && dryRun.mutate(file)}>
          {t('offices.import.check')}
        </Button>
        {!isNothingNew && (
          <Button isBusy={importing.isPending} disabled={!file || !dryRun.data?.isImportable || importing.isSuccess} onClick={() => file && importing.mutate(file)}>
            {t('offices.import.run', { count: dryRun.data?.counts.new ?? 0 })}
          </Button>
        )}
      </div>
      {isNothingNew && <Alert tone="info">{t('offices.import.nothingNew')}</Alert>}
      {failure && <Alert tone="error">{problemMessage(failure)}</Alert>}
      {importing.data?.isImported && <Alert tone="success">{t('offices.import.done', { new: importing.data.counts.new, unchanged: importing.data.counts.unchanged })}</Alert>}
      {dryRun.data && !dryRun.data.isImportable && dryRun.data.fileErrors.length === 0 && <Alert tone="error">{t('offices.import.refused')}</Alert>}
      {report && <ImportReport report={report} />}
    </>
  );
}
