import type { MessageKey } from '../i18n/en.ts';
import type { AuditAction } from './schemas.ts';

/** Each action's name, the same on the audit trail's page and in its CSV export. */
export const auditActionKey = (action: AuditAction): MessageKey => `audit.action.${action}`;

/** The columns of the audit trail's table and of its CSV, in this order. */
export const auditColumnKeys = [
  'audit.column.at',
  'audit.column.actor',
  'audit.column.role',
  'audit.column.agency',
  'audit.column.action',
  'audit.column.officeCode',
  'audit.column.office',
  'audit.column.officer',
  'audit.column.subject',
  'audit.column.details',
] as const satisfies readonly MessageKey[];
