let sequence = 0;

export const testChecksumKey = 'kR9!xQ2#pL7vZ5@w';

/** A valid new office for the API, with a code of its own each call. */
export const officeInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Export Inspection Agency, Mumbai: Andheri office',
  code: `MUM-${++sequence}`,
  addressLine1: 'Plot 12, MIDC Andheri East',
  addressLine2: '',
  city: 'Mumbai',
  state: 'Maharashtra',
  pinCode: '400093',
  phone: '022 28200000',
  email: 'andheri@eicindia.gov.in',
  gstin: '27AAPFU0939F1ZV',
  merchantId: 'EICMUM2024',
  checksumKey: testChecksumKey,
  isEWalletEnabled: false,
  ...overrides,
});
