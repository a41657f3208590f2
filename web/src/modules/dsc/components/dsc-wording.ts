import type { DscClass } from '@ecoo/shared/dsc/schemas';
import { t } from '../../../lib/i18n';

/** "today", "in 1 day", "in 21 days": how far off an expiry is, for the sentences that say it. */
export function expiresWhen(daysLeft: number): string {
  if (daysLeft <= 0) return t('dsc.when.today');
  return daysLeft === 1 ? t('dsc.when.oneDay') : t('dsc.when.days', { days: daysLeft });
}

/** The Controller of Certifying Authorities' policy OIDs the console accepts, by the class each stands for. */
const classOfPolicy: Readonly<Record<string, DscClass>> = {
  '2.16.356.100.2.3': 'class-3',
  '2.16.356.100.2.2': 'class-2',
  '2.16.356.100.10.1': 'document-signer',
};

/** A policy OID's name ("Class 3"), or undefined for an OID the console does not name (the CA's own). */
export function policyName(oid: string): string | undefined {
  const dscClass = classOfPolicy[oid];
  return dscClass && t(`dsc.class.${dscClass}`);
}
