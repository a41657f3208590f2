import { DSC_EXPIRY_WARNING_DAYS, type DscRecord } from '@ecoo/shared/dsc/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { expiresWhen } from './dsc-wording';

/** From 30 days before expiry, the same days after which the BFF lists the DSC as expiring and mails its officer. */
export function DscExpiryWarning({ record }: { record: DscRecord }) {
  if (record.daysLeft > DSC_EXPIRY_WARNING_DAYS) return null;
  const date = formatInstant(record.notAfter);
  return (
    <p className="warning-text">
      {record.daysLeft < 0 ? t('dsc.warning.expired', { date }) : t('dsc.warning.expiring', { when: expiresWhen(record.daysLeft), date })}
    </p>
  );
}
