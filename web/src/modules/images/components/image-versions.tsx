import type { ImageVersion } from '@ecoo/shared/images/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useReinstateImageVersion, type ImageChangeOptions } from '../api/image-mutations';
import { imageWordKey, type ImageKind } from './image-wording';
import { RenditionImage } from './rendition-image';

/** Every accepted version, newest first, the one in use marked; none is ever deleted, and an earlier one can be used again. */
export function ImageVersions({
  kind,
  versions,
  onReinstated,
  invalidates,
}: { kind: ImageKind; versions: ImageVersion[]; onReinstated: (version: ImageVersion) => void } & ImageChangeOptions) {
  const reinstate = useReinstateImageVersion(onReinstated, { invalidates });
  return (
    <section className="section" aria-labelledby="image-versions-title">
      <h2 id="image-versions-title">{t('images.versions.title')}</h2>
      {reinstate.isError && <Alert tone="error">{problemMessage(reinstate.error)}</Alert>}
      {versions.length === 0 ? (
        <p>{t('images.versions.empty')}</p>
      ) : (
        <table className="table">
          <caption>{t(imageWordKey(kind, 'versionsCaption'))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('images.versions.version')}</th>
              <th scope="col">{t('images.versions.image')}</th>
              <th scope="col">{t('images.versions.acceptedAt')}</th>
              <th scope="col">{t('images.versions.acceptedBy')}</th>
              <th scope="col">{t('images.versions.settings')}</th>
              <th scope="col">{t('images.versions.actions')}</th>
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
                  <RenditionImage src={version.thumbnails.list} rendition="list" alt={t(imageWordKey(kind, 'versionAlt'), { version: version.version })} />
                </td>
                <td>{formatInstant(version.acceptedAt)}</td>
                <td>{version.acceptedBy}</td>
                <td>{t('images.versions.settings.value', { method: t(`images.review.method.${version.method}`), sensitivity: version.sensitivity })}</td>
                <td>
                  {!version.isCurrent && (
                    <Button variant="secondary" isBusy={reinstate.isPending && reinstate.variables === version.id} onClick={() => reinstate.mutate(version.id)}>
                      {t('images.versions.reinstate', { version: version.version })}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
