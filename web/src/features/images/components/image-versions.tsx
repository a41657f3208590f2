import type { ImageVersion } from '@ecoo/shared/images/schemas';
import { urlOf } from '../../../lib/api-client';
import { formatInstant, t } from '../../../lib/i18n';

/** Every accepted version, newest first, the one in use marked; none is ever deleted. */
export function ImageVersions({ versions }: { versions: ImageVersion[] }) {
  return (
    <section className="section" aria-labelledby="image-versions-title">
      <h2 id="image-versions-title">{t('images.versions.title')}</h2>
      {versions.length === 0 ? (
        <p>{t('images.versions.empty')}</p>
      ) : (
        <table className="table">
          <caption>{t('images.versions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('images.versions.version')}</th>
              <th scope="col">{t('images.versions.image')}</th>
              <th scope="col">{t('images.versions.acceptedAt')}</th>
              <th scope="col">{t('images.versions.acceptedBy')}</th>
              <th scope="col">{t('images.versions.settings')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">
                  {version.version}
                  {version.isCurrent && <span className="badge badge--good">{t('images.versions.current')}</span>}
                </th>
                <td>
                  <img className="stamp-thumbnail" src={urlOf('getImageVersionPng', { params: { versionId: version.id } })} alt={t('images.versions.alt', { version: version.version })} />
                </td>
                <td>{formatInstant(version.acceptedAt)}</td>
                <td>{version.acceptedBy}</td>
                <td>{t('images.versions.settings.value', { method: t(`images.review.method.${version.method}`), sensitivity: version.sensitivity })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
