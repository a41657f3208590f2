import type { SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { specimensApi } from '@ecoo/shared/specimens/api';
import { urlOf } from '../../../lib/api-client';
import { formatDate, formatInstant, t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TableWrap } from '../../../components/ui/table-wrap';

export const officeName = (specimen: SpecimenCertificate) => t('specimens.officeOption', { name: specimen.office.name, code: specimen.office.code });

/** A plain link: the browser saves the file the BFF names (specimen-<office code>-<date>.pdf), with the session cookie. */
export function SpecimenDownloadLink({ specimen, children }: { specimen: SpecimenCertificate; children: string }) {
  return (
    <a href={urlOf(specimensApi.downloadSpecimenCertificate, { params: { specimenId: specimen.id }, query: { disposition: 'attachment' } })} download>
      {children}
    </a>
  );
}

function StateCell({ specimen }: { specimen: SpecimenCertificate }) {
  return (
    <td>
      <span className={['badge', specimen.state === 'done' && 'badge--good', specimen.state === 'failed' && 'badge--missing'].filter(Boolean).join(' ')}>{t(`specimens.state.${specimen.state}`)}</span>
      {specimen.failureReason && <p>{t(`specimens.failure.${specimen.failureReason}`)}</p>}
      {specimen.state === 'done' && specimen.qrLinkRevoked && <p>{t('specimens.qrLinkRevoked')}</p>}
      {specimen.unprintableFields.length > 0 && <p>{t('specimens.unprintable', { fields: specimen.unprintableFields.map((field) => t(`specimens.field.${field}`)).join(', ') })}</p>}
    </td>
  );
}

/** Newest first; a ready one can be previewed in the page or downloaded. */
export function SpecimenTable({ specimens, onPreview }: { specimens: readonly SpecimenCertificate[]; onPreview: (specimen: SpecimenCertificate) => void }) {
  return (
    <TableWrap captionId="specimens-caption">
      <table className="table">
        <caption id="specimens-caption">{t('specimens.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('specimens.column.requestedAt')}</th>
            <th scope="col">{t('specimens.column.office')}</th>
            <th scope="col">{t('specimens.column.officer')}</th>
            <th scope="col">{t('specimens.column.versions')}</th>
            <th scope="col">{t('specimens.column.state')}</th>
            <th scope="col">{t('specimens.column.pdf')}</th>
          </tr>
        </thead>
        <tbody>
          {specimens.map((specimen) => {
            const named = { office: officeName(specimen), date: formatDate(specimen.date) };
            return (
              <tr key={specimen.id}>
                <th scope="row">{formatInstant(specimen.requestedAt)}</th>
                <td>{named.office}</td>
                <td>{specimen.officer.name}</td>
                <td>{t('specimens.versions', { stamp: specimen.stampVersion, signature: specimen.signatureVersion })}</td>
                <StateCell specimen={specimen} />
                <td>
                  {specimen.state === 'done' && (
                    <>
                      <Button variant="secondary" onClick={() => onPreview(specimen)}>
                        {t('specimens.preview', named)}
                      </Button>{' '}
                      <SpecimenDownloadLink specimen={specimen}>{t('specimens.download', named)}</SpecimenDownloadLink>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
