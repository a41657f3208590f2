import { t } from '../../../lib/i18n';

/** "today", "in 1 day", "in 21 days": how far off an expiry is, for the sentences that say it. */
export function expiresWhen(daysLeft: number): string {
  if (daysLeft <= 0) return t('dsc.when.today');
  return daysLeft === 1 ? t('dsc.when.oneDay') : t('dsc.when.days', { days: daysLeft });
}
