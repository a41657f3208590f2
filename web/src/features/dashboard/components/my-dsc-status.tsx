import { Link } from 'react-router';
import type { DscStatus } from '@ecoo/shared/dsc/schemas';
import { paths } from '../../../config/paths';
import { formatInstant, t } from '../../../lib/i18n';
import { expiresWhen } from '../../../modules/dsc/components/dsc-wording';

function statusWords({ state, notAfter, daysLeft }: DscStatus): string {
  const date = notAfter ? formatInstant(notAfter) : '';
  if (state === 'active') return t('dashboard.dsc.active', { date });
  if (state === 'expiring') return t('dashboard.dsc.expiring', { when: expiresWhen(daysLeft ?? 0), date });
  if (state === 'expired') return t('dashboard.dsc.expired', { date });
  return t('dashboard.dsc.none');
}

/** The officer's DSC in a sentence, a warning unless it is active and not about to expire, and the way to its page. */
export function MyDscStatus({ dsc }: { dsc: DscStatus }) {
  const isFine = dsc.state === 'active';
  return (
    <>
      <p className={isFine ? undefined : 'warning-text'}>{statusWords(dsc)}</p>
      <p>
        <Link to={paths.dashboard.dsc.getHref()}>{t(isFine ? 'dashboard.dsc.see' : 'dashboard.dsc.registerNow')}</Link>
      </p>
    </>
  );
}
