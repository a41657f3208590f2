import type { OfficerStatus } from '@ecoo/shared/officers/schemas';
import { t } from '../../../lib/i18n';

/** The status in words, never in colour alone; only an active officer counts as good. */
export function OfficerStatusBadge({ status }: { status: OfficerStatus }) {
  return <span className={status === 'active' ? 'badge badge--good' : 'badge badge--missing'}>{t(`officers.status.${status}`)}</span>;
}
