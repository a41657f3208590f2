import type { FieldProblem } from '@ecoo/shared/problem';
import type { OfficeCsvColumn, OfficeImportReport } from '@ecoo/shared/offices/import';
import { fieldProblemText, t, type MessageKey } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { officeFieldLabel } from './office-field-labels';

/** Each column of the file by the label people know from the office form, in the reader's language. */
export const importColumnLabel: Record<OfficeCsvColumn, MessageKey> = {
  ...officeFieldLabel,
  checksumKey: 'offices.field.checksumKey',
  isEWalletEnabled: 'offices.import.column.isEWalletEnabled',
};

const isColumn = (path: string): path is OfficeCsvColumn => Object.hasOwn(importColumnLabel, path);

function rowErrorText(error: FieldProblem): string {
  if (!error.path) return fieldProblemText(error);
  const field = isColumn(error.path) ? t(importColumnLabel[error.path]) : error.path;
  return t('offices.import.fieldError', { field, message: fieldProblemText(error) });
}

/** Every row of the file with its outcome; invalid rows list each field's error. */
export function ImportReport({ report }: { report: OfficeImportReport }) {
  if (report.fileErrors.length > 0) {
    return (
      <Alert tone="error" title={t('offices.import.fileErrors')}>
        <ul className="import-report__file-errors">
          {report.fileErrors.map((error) => (
            <li key={error.code}>{fieldProblemText(error)}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  return (
    <table className="table">
      <caption>{t('offices.import.caption', { new: report.counts.new, unchanged: report.counts.unchanged, invalid: report.counts.invalid })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('offices.import.column.line')}</th>
          <th scope="col">{t('offices.import.column.code')}</th>
          <th scope="col">{t('offices.import.column.outcome')}</th>
          <th scope="col">{t('offices.import.column.errors')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.line}>
            <th scope="row">{row.line}</th>
            <td>{row.code}</td>
            <td>{t(`offices.import.outcome.${row.outcome}`)}</td>
            <td>
              {row.errors.length > 0 && (
                <ul>
                  {row.errors.map((error) => (
                    <li key={`${error.path}-${error.code}`}>{rowErrorText(error)}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
