import { createHash, X509Certificate as NodeX509 } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { DscClass } from '@ecoo/shared/dsc/schemas';

/** Policy OIDs of India's Controller of Certifying Authorities (Interoperability Guidelines), matched exactly. */
export const ccaPolicies = {
  class1: '2.16.356.100.2.1',
  class2: '2.16.356.100.2.2',
  class3: '2.16.356.100.2.3',
  documentSigner: '2.16.356.100.10.1',
} as const;

export interface DscFacts {
  holderName: string;
  subject: string;
  issuer: string;
  issuerName: string;
  serialNumber: string;
  policies: string[];
  classes: DscClass[];
  keyAlgorithm: string;
  /** SHA-256 of the SubjectPublicKeyInfo: one key is one token, whatever certificates carry it. */
  publicKeySha256: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha256: string;
}

/** The leaf's policies this console accepts: Class 3 always, Class 2 and the document signer where configured. */
export function acceptedPoliciesOf(policies: readonly string[], accept: { acceptClass2: boolean; acceptDocumentSigner: boolean }): string[] {
  const accepted: string[] = [ccaPolicies.class3];
  if (accept.acceptClass2) accepted.push(ccaPolicies.class2);
  if (accept.acceptDocumentSigner) accepted.push(ccaPolicies.documentSigner);
  return policies.filter((oid) => accepted.includes(oid));
}

export function policiesOf(certificate: x509.X509Certificate): string[] {
  return [...(certificate.getExtension(x509.CertificatePolicyExtension)?.policies ?? [])];
}

/** The CCA classes a certificate carries, by exact OID (never as a prefix: 2.16.356.100.2.31 is not Class 3). */
export function classesOf(policies: readonly string[]): DscClass[] {
  const classes: DscClass[] = [];
  if (policies.includes(ccaPolicies.class3)) classes.push('class-3');
  if (policies.includes(ccaPolicies.class2)) classes.push('class-2');
  if (policies.includes(ccaPolicies.documentSigner)) classes.push('document-signer');
  return classes;
}

const curveNames: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

const commonNameOf = (name: x509.Name, fallback: string) => name.getField('CN')[0] ?? fallback;

/** What the officer and the administrator see of a DSC; the key details and fingerprint as OpenSSL reads them. */
export function factsOf(certificate: x509.X509Certificate): DscFacts {
  const node = new NodeX509(Buffer.from(certificate.rawData));
  const key = node.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyAlgorithm =
    key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss'
      ? `RSA ${details.modulusLength ?? ''}`.trim()
      : key.asymmetricKeyType === 'ec'
        ? `ECDSA ${curveNames[details.namedCurve ?? ''] ?? details.namedCurve ?? ''}`.trim()
        : (key.asymmetricKeyType ?? 'unknown').toUpperCase();
  const policies = policiesOf(certificate);
  return {
    holderName: commonNameOf(certificate.subjectName, certificate.subject),
    subject: certificate.subject,
    issuer: certificate.issuer,
    issuerName: commonNameOf(certificate.issuerName, certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    policies,
    classes: classesOf(policies),
    keyAlgorithm,
    publicKeySha256: createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex'),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    fingerprintSha256: node.fingerprint256,
  };
}
