import type { Office } from '@ecoo/shared/offices/schemas';
import { t } from '../../../lib/i18n';
import { RenditionImage } from '../../../modules/images/components/rendition-image';

/**
 * The stamp certificates carry now, small, on white as it prints; nothing when there is none (the
 * badge says so). A rendition at the size shown, never the full PNG: `list` in tables, `preview` on
 * the office's own page. Its URL changes with the stamp, so the browser keeps it.
 */
export function StampThumbnail({ office, size }: { office: Office; size: 'list' | 'preview' }) {
  if (!office.stampThumbnails) return null;
  return <RenditionImage src={office.stampThumbnails[size]} rendition={size} alt={t('offices.stamp.thumbnail', { name: office.name })} />;
}
