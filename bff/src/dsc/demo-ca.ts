import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { DEMO_ROOT_FILE } from './verification/trust-store.ts';
import { ccaPolicies } from './verification/certificate-facts.ts';
import { derOfPemFile, pemOf } from './verification/pem.ts';
import { signDetached } from './cms-signer.ts';

const { subtle } = webcrypto;
type KeyPair = webcrypto.CryptoKeyPair;
const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;
const yearMs = 365 * 86_400_000;

export interface DemoHolder {
  email: string;
  name: string;
}

/** Where the demo officer's key and certificate live: the files `npm run demo-sign` reads. */
export const demoHolderFiles = (dir: string, email: string) => ({
  certificate: path.join(dir, `${email}.cert.pem`),
  key: path.join(dir, `${email}.key.pem`),
});


/**
 * The demo certification authority: made once, at the first start with demo data, so the DSC
 * path can be tried without a token. Its root says DEMO in its name, lives under DATA_DIR and is
 * trusted only while demo data is on; the holders' keys are plain files, which a real DSC's never are.
 * Everything is written into a new folder that is then renamed into place, so a kill halfway
 * leaves either the whole CA or none (and the next start makes it).
 */
export async function ensureDemoCa(dir: string, holders: readonly DemoHolder[], now = new Date()): Promise<boolean> {
  if (fs.existsSync(path.join(dir, DEMO_ROOT_FILE))) return false;
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true, mode: 0o700 });

  const rootKeys = (await subtle.generateKey(rsa, true, ['sign', 'verify'])) as KeyPair;
  const rootName = 'CN=eCoO Console DEMO Root CA (not for production), O=DEMO, C=IN';
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: rootName,
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 10 * yearMs),
    keys: rootKeys,
    signingAlgorithm: rsa,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  fs.writeFileSync(path.join(staging, DEMO_ROOT_FILE), root.toString('pem') + '\n');
  fs.writeFileSync(path.join(staging, 'demo-root-ca.key.pem'), pemOf('PRIVATE KEY', await subtle.exportKey('pkcs8', rootKeys.privateKey)), { mode: 0o600 });

  for (const holder of holders) {
    const keys = (await subtle.generateKey(rsa, true, ['sign', 'verify'])) as KeyPair;
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: `CN=${holder.name}, O=DEMO, C=IN`,
      issuer: root.subject,
      notBefore: new Date(now.getTime() - 86_400_000),
      notAfter: new Date(now.getTime() + 2 * yearMs),
      publicKey: keys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: rsa,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        // Class 3 CAs also carry the Class 2 OID, as the CCA's guidelines have them do since 2021.
        new x509.CertificatePolicyExtension([ccaPolicies.class3, ccaPolicies.class2]),
        new x509.SubjectAlternativeNameExtension([{ type: 'email', value: holder.email }]),
        await x509.AuthorityKeyIdentifierExtension.create(root),
      ],
    });
    const files = demoHolderFiles(staging, holder.email);
    fs.writeFileSync(files.certificate, certificate.toString('pem') + '\n');
    fs.writeFileSync(files.key, pemOf('PRIVATE KEY', await subtle.exportKey('pkcs8', keys.privateKey)), { mode: 0o600 });
  }
  fs.writeFileSync(path.join(staging, 'README.txt'), 'DEMO certification authority of the eCoO Agency Console. Not for production: trusted only while DEMO_DATA is on.\nSign a challenge with: npm run demo-sign -- <challenge>\n');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  return true;
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // positive, as RFC 5280 wants serials
  return Buffer.from(bytes).toString('hex');
}

/** A detached CMS signature over `content` by a demo holder's key: what `npm run demo-sign` writes. */
export function signAsDemoHolder(dir: string, email: string, content: Uint8Array): Promise<Buffer> {
  const files = demoHolderFiles(dir, email);
  return signDetached(content, derOfPemFile(fs.readFileSync(files.certificate, 'latin1'), 'CERTIFICATE'), derOfPemFile(fs.readFileSync(files.key, 'latin1'), 'PRIVATE KEY'));
}
