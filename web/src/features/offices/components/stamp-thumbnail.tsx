import type { Office } from '@ecoo/shared/offices/schemas';
import { urlOf } from '../../../lib/api-client';
import { t } from '../../../lib/i18n';

/** The stamp certificates carry now, small, on white as it prints; nothing when there is none (the badge says so). */
export function StampThumbnail({ office }: { office: Office }) {
  if (!office.stampVersionId) return null;
  return <img className="stamp-thumbnail" src={urlOf('getImageVersionPng', { params: { versionId: office.stampVersionId } })} alt={t('offices.stamp.thumbnail', { name: office.name })} />;
}
