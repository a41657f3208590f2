import { createPrivateKey } from 'node:crypto';
import * as pkijs from 'pkijs';
import { pemBlocks } from './pem.ts';
import { dscRefusal } from './refusal.ts';

export type UploadField = 'signature' | 'certificate';

const privateKeyArmour = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const byteOrderMark = '\u00ef\u00bb\u00bf';

/**
 * The DER bytes of an uploaded file that is PEM or DER. A private key or a PKCS#12 bundle, uploaded
 * by mistake, is refused here before anything reads it further: the caller never stores, logs or
 * echoes what this refuses, and the refusal names the field only.
 */
export function derOfUpload(bytes: Buffer, field: UploadField, pemLabels: readonly string[]): Buffer[] {
  // PEM wherever its armour appears: after a byte-order mark, after `openssl pkcs12 -nodes`'s
  // "Bag Attributes" lines, or appended to DER. A key's armour anywhere refuses the whole file.
  const latin1 = bytes.toString('latin1');
  const text = latin1.includes('-----BEGIN') ? latin1.replace(byteOrderMark, '') : null;
  if (text !== null) {
    const blocks = pemBlocks(text);
    if (privateKeyArmour.test(text) || blocks.some(({ label }) => label.includes('PRIVATE KEY'))) throw dscRefusal('privateKeyUploaded', { field });
    if (blocks.some(({ label }) => label === 'PKCS12')) throw dscRefusal('pkcs12Uploaded', { field });
    return blocks.filter(({ label }) => pemLabels.includes(label)).map(({ der }) => der);
  }
  refuseKeyMaterial(bytes, field);
  return [bytes];
}

/** DER that is a PKCS#12 PFX, or a private key: PKCS#8 (plain or encrypted), PKCS#1 RSA or SEC 1 EC, as OpenSSL reads them. */
function refuseKeyMaterial(der: Buffer, field: UploadField): void {
  if (isPfx(der)) throw dscRefusal('pkcs12Uploaded', { field });
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      createPrivateKey({ key: der, format: 'der', type });
    } catch (err) {
      // An encrypted PKCS#8 key parses far enough for OpenSSL to ask for its passphrase.
      if ((err as { code?: string }).code !== 'ERR_MISSING_PASSPHRASE') continue;
    }
    throw dscRefusal('privateKeyUploaded', { field });
  }
}

function isPfx(der: Buffer): boolean {
  try {
    pkijs.PFX.fromBER(new Uint8Array(der).buffer);
    return true;
  } catch {
    return false;
  }
}
