import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { buildCertificationPath, refuseRevoked } from './chain.ts';
import { ccaPolicies, classesOf, factsOf, policiesOf, type DscFacts } from './certificate-facts.ts';
import { dscRefusal } from './refusal.ts';
import type { TrustMaterial } from './trust-store.ts';
import { derOfUpload } from './uploaded-file.ts';

export interface DscProof {
  /** The challenge text exactly as issued: its ASCII bytes are what was signed. */
  challenge: string;
  signature: Buffer;
  certificate?: Buffer;
}

export interface DscPolicy {
  acceptClass2: boolean;
  acceptDocumentSigner: boolean;
}

export interface VerifiedDsc {
  certificateDer: Buffer;
  signatureDer: Buffer;
  facts: DscFacts;
  isDemo: boolean;
}

const acceptedDigests: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const weakDigests: Record<string, string> = { '1.3.14.3.2.26': 'SHA-1', '1.2.840.113549.2.5': 'MD5', '2.16.840.1.101.3.4.2.4': 'SHA-224' };

const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const derOfPkijs = (certificate: pkijs.Certificate) => Buffer.from(certificate.toSchema().toBER());

function parseSignedData(der: Buffer): pkijs.SignedData {
  try {
    const info = pkijs.ContentInfo.fromBER(arrayBufferOf(der));
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw dscRefusal('signatureUnreadable');
  }
}

function parseCertificate(der: Buffer): { pkijs: pkijs.Certificate; x509: x509.X509Certificate } {
  try {
    return { pkijs: pkijs.Certificate.fromBER(arrayBufferOf(der)), x509: new x509.X509Certificate(der) };
  } catch {
    throw dscRefusal('certificateUnreadable');
  }
}

/**
 * Checks an officer's proof of possession: a CMS signature over the challenge by the key of a
 * Class 3 (or configured) DSC that chains to a trusted root and is not revoked. pkijs verifies the
 * CMS signature only (its SignedData.verify checks no dates, usage, policies or chain unless asked,
 * and trusts every certificate in the message alike), so each of those checks is made here, in
 * order, and each refusal names the one that failed.
 */
export async function verifyDscProof(proof: DscProof, trust: TrustMaterial, policy: DscPolicy, now: Date): Promise<VerifiedDsc> {
  const [signatureDer] = derOfUpload(proof.signature, 'signature', ['CMS', 'PKCS7']);
  const uploadedDers = proof.certificate ? derOfUpload(proof.certificate, 'certificate', ['CERTIFICATE']) : [];
  if (!signatureDer) throw dscRefusal('signatureUnreadable');
  if (proof.certificate && uploadedDers.length === 0) throw dscRefusal('certificateUnreadable');

  const signedData = parseSignedData(signatureDer);
  if (signedData.signerInfos.length !== 1) throw dscRefusal('signatureSignerCount', { count: signedData.signerInfos.length });
  const digestOid = signedData.signerInfos[0]!.digestAlgorithm.algorithmId;
  if (!acceptedDigests[digestOid]) throw dscRefusal('weakDigest', { algorithm: weakDigests[digestOid] ?? digestOid });

  const carried = (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
  const uploaded = uploadedDers.map(parseCertificate);
  // The certificate being registered: the uploaded one, else the one the signature names. Only it
  // is offered to pkijs, so a signature by any other key in the message cannot verify.
  const candidates = uploaded.length > 0 ? [uploaded[0]!.pkijs] : carried;
  if (candidates.length === 0) throw dscRefusal('certificateMissing');
  signedData.certificates = candidates;

  const challengeBytes = Buffer.from(proof.challenge, 'ascii');
  const outcome = await signedData
    .verify({ signer: 0, data: arrayBufferOf(challengeBytes), extendedMode: true, checkChain: false })
    .then((result) => ({ code: result.code ?? 14, message: result.message, verified: result.signatureVerified === true, signer: result.signerCertificate ?? null }))
    .catch((err: pkijs.SignedDataVerifyError) => ({ code: err.code ?? 0, message: err.message ?? '', verified: false, signer: err.signerCertificate ?? null }));
  if (!outcome.signer) throw uploaded.length > 0 ? dscRefusal('certificateNotSigner') : dscRefusal('signatureByOtherKey');

  const signerDer = derOfPkijs(outcome.signer);
  const leaf = new x509.X509Certificate(signerDer);
  await refuseUnfitCertificate(leaf, policy, now);
  const pool = [...uploaded.slice(1).map((item) => item.x509), ...carried.map((item) => new x509.X509Certificate(derOfPkijs(item)))];
  const path = await buildCertificationPath(leaf, pool, trust, now);
  await refuseRevoked(path, trust.crls);

  // Content inside the message (not detached) is what pkijs verifies; it must be the challenge itself.
  const eContent = signedData.encapContentInfo.eContent;
  if (eContent && !Buffer.from(eContent.getValue()).equals(challengeBytes)) throw dscRefusal('signedOtherBytes');
  if (outcome.message.includes("Message digest doesn't match")) throw dscRefusal('signedOtherBytes');
  if (!outcome.verified) throw dscRefusal('signatureByOtherKey');

  return {
    certificateDer: signerDer,
    signatureDer,
    facts: factsOf(leaf),
    isDemo: trust.demoRoots.has(Buffer.from(path.root.rawData).toString('hex')),
  };
}

/** Validity, key usage, CCA policy and self-signature: what the certificate alone decides. */
async function refuseUnfitCertificate(leaf: x509.X509Certificate, policy: DscPolicy, now: Date): Promise<void> {
  if (now < leaf.notBefore) throw dscRefusal('notYetValid', { notBefore: leaf.notBefore.toISOString().slice(0, 10) });
  if (now > leaf.notAfter) throw dscRefusal('expired', { notAfter: leaf.notAfter.toISOString().slice(0, 10) });
  const usage = leaf.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  if ((usage & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) === 0) throw dscRefusal('keyUsage');

  const policies = policiesOf(leaf);
  const classes = classesOf(policies);
  const accepted = classes.includes('class-3') || (policy.acceptClass2 && classes.includes('class-2')) || (policy.acceptDocumentSigner && classes.includes('document-signer'));
  if (!accepted) {
    if (classes.includes('class-2')) throw dscRefusal('class2NotAccepted');
    if (policies.includes(ccaPolicies.class1)) throw dscRefusal('class1');
    throw dscRefusal('policyNotAccepted', { policies: policies.length > 0 ? policies.join(', ') : '—' });
  }
  if (leaf.subject === leaf.issuer && (await leaf.isSelfSigned())) throw dscRefusal('selfSigned');
}
