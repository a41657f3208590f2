import { imageRenditions } from '@ecoo/shared/images/schemas';
import type { Office } from '@ecoo/shared/offices/schemas';
import { t } from '../../../lib/i18n';

/**
 * The list rendition is always exactly its box (the stamp centred on transparent padding), so its
 * <img> can say its size before it loads: no layout shift, and the stylesheet's 8rem × 4rem box
 * draws its 256 × 128 pixels 1:1 at 2× density. The preview is fitted inside its box, so its shape
 * is the stamp's and is known only once it loads.
 */
const listBox = imageRenditions['list-v2.webp'];

/**
 * The stamp certificates carry now, small, on white as it prints; nothing when there is none (the
 * badge says so). A rendition at the size shown, never the full PNG: `list` in tables, `preview` on
 * the office's own page. Its URL changes with the stamp, so the browser keeps it.
 */
export function StampThumbnail({ office, size }: { office: Office; size: 'list' | 'preview' }) {
  if (!office.stampThumbnails) return null;
  const alt = t('offices.stamp.thumbnail', { name: office.name });
  if (size === 'list') return <img className="stamp-thumbnail" src={office.stampThumbnails.list} width={listBox.width} height={listBox.height} alt={alt} />;
  return <img className="stamp-thumbnail" src={office.stampThumbnails.preview} alt={alt} />;
}
