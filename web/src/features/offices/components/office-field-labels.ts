import type { MessageKey } from '../../../lib/i18n';

/** The office's own fields by the office form's labels: the import's columns and the history's fields both name them so. */
export const officeFieldLabel = {
  name: 'offices.field.name',
  code: 'offices.field.code',
  addressLine1: 'offices.field.addressLine1',
  addressLine2: 'offices.field.addressLine2',
  city: 'offices.field.city',
  state: 'offices.field.state',
  pinCode: 'offices.field.pinCode',
  phone: 'offices.field.phone',
  email: 'offices.field.email',
  gstin: 'offices.field.gstin',
  merchantId: 'offices.field.merchantId',
} as const satisfies Record<string, MessageKey>;
