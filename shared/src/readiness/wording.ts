import type { MessageKey } from '../i18n/en.ts';
import type { ReadinessGap } from './schemas.ts';

/** Each gap in words, the same on My Dashboard, the reviewer's page and the CSV export. */
export const gapMessageKeys: Record<ReadinessGap, MessageKey> = {
  office: 'readiness.gap.office',
  'payment-parameters': 'readiness.gap.paymentParameters',
  stamp: 'readiness.gap.stamp',
  officer: 'readiness.gap.officer',
  signature: 'readiness.gap.signature',
  dsc: 'readiness.gap.dsc',
};

/** The columns of the reviewer's table and of the CSV, in this order. */
export const readinessColumnKeys = [
  'readiness.column.agency',
  'readiness.column.officeCode',
  'readiness.column.office',
  'readiness.column.city',
  'readiness.column.paymentParameters',
  'readiness.column.eWallet',
  'readiness.column.stamp',
  'readiness.column.officersMapped',
  'readiness.column.officersWithSignature',
  'readiness.column.officersWithDsc',
  'readiness.column.officersReady',
  'readiness.column.gaps',
  'readiness.column.pendingRequests',
  'readiness.column.expiringDscs',
] as const satisfies readonly MessageKey[];
