/**
 * Crockford's base 32: digits and capitals without I, L, O and U, so a reference read over the phone
 * has no 1/I/L or 0/O to confuse (and spells no words).
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The short reference of a registration (or an officer's request), such as REG-7K3F-9Q2M, derived
 * from its id: the id's first 40 bits, which are random in the UUIDs the BFF makes, in eight
 * characters. Nothing is stored, so the receipt of an address that already has an account (which
 * stores nothing, by design) reads the same as any other. Two registrations share a reference only
 * if their ids share their first 40 bits: about 1 in 22 million for a pair, about 1 in 45,000 that
 * any two of 10,000 registrations do.
 */
export function registrationReference(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 10).padEnd(10, '0');
  let value = BigInt(`0x${/^[0-9a-f]+$/i.test(hex) ? hex : '0'}`);
  let text = '';
  for (let i = 0; i < 8; i += 1) {
    text = alphabet[Number(value & 31n)] + text;
    value >>= 5n;
  }
  return `REG-${text.slice(0, 4)}-${text.slice(4)}`;
}
