import type { DscStatus } from '@ecoo/shared/dsc/schemas';
import { t } from '../../../lib/i18n';
import { expiresWhen } from './dsc-wording';

/** An officer's DSC at a glance (lists, dashboards): in words, never in colour alone; only an active one counts as good. */
export function DscStateBadge({ status }: { status: DscStatus }) {
  const words =
    status.state === 'expiring' ? t('dsc.state.expiring', { when: expiresWhen(status.daysLeft ?? 0) }) : t(`dsc.state.${status.state}`);
  return <span className={status.state === 'active' ? 'badge badge--good' : 'badge badge--missing'}>{words}</span>;
}
