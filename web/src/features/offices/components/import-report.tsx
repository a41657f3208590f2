import type { OfficeImportReport } from '@ecoo/shared/offices/import';
import { fieldProblemText, t } from '../../../lib/i18n';

/** Every row of the file with its outcome; invalid rows list each field's error. */
export function ImportReport({ report }: { report: OfficeImportReport }) {
  if (report.fileErrors.length > 0) {
    return (
      <ul className="import-report__file-errors">
        {report.fileErrors.map((error) => (
          <li key={error}>{error}</li>
        ))}
      </ul>
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
                    <li key={`${error.path}-${error.code}`}>{error.path ? t('offices.import.fieldError', { field: error.path, message: fieldProblemText(error) }) : fieldProblemText(error)}</li>
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
