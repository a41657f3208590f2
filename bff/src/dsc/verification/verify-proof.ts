import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildCertificationPath, refuseRevoked, refuseUnlicensedIssuers } from './chain.ts';
import { acceptedPoliciesOf, ccaPolicies, classesOf, factsOf, policiesOf, type DscFacts } from './certificate-facts.ts';
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

/** One DER structure that is the whole file: bytes after it (a key pasted on, say) are refused, never stored. */
function wholeBer(der: Buffer): asn1js.AsnType {
  const parsed = asn1js.fromBER(arrayBufferOf(der));
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) throw new Error(parsed.result.error || 'bytes after the structure');
  return parsed.result;
}

function parseSignedData(der: Buffer): pkijs.SignedData {
  try {
    const info = new pkijs.ContentInfo({ schema: wholeBer(der) });
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw dscRefusal('signatureUnreadable');
  }
}

/** Both libraries' reading of one certificate; a certificate either cannot read is refused as unreadable, never a 500. */
function parseCertificate(der: Buffer): { pkijs: pkijs.Certificate; x509: x509.X509Certificate } {
  try {
    const certificate = { pkijs: new pkijs.Certificate({ schema: wholeBer(der) }), x509: new x509.X509Certificate(der) };
    // @peculiar/x509 decodes extensions lazily: read them now, so a malformed one is caught here.
    void certificate.x509.extensions.map((extension) => extension.type);
    certificate.x509.getExtension(x509.BasicConstraintsExtension);
    certificate.x509.getExtension(x509.KeyUsagesExtension);
    certificate.x509.getExtension(x509.CertificatePolicyExtension);
    return certificate;
  } catch {
    throw dscRefusal('certificateUnreadable');
  }
}

/** Refuses a private key or PKCS#12 among the uploads before anything else is said of them, the challenge included. */
export function refuseKeyMaterial(proof: DscProof): void {
  derOfUpload(proof.signature, 'signature', ['CMS', 'PKCS7']);
  if (proof.certificate) derOfUpload(proof.certificate, 'certificate', ['CERTIFICATE']);
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

  const carried = (signedData.certificates ?? [])
    .filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate)
    .map((item) => parseCertificate(derOfPkijs(item)));
  const uploaded = uploadedDers.map(parseCertificate);
  // The certificate being registered: the uploaded one, else the one the signature names. Only it
  // is offered to pkijs, so a signature by any other key in the message cannot verify.
  const candidates = uploaded.length > 0 ? [uploaded[0]!.pkijs] : carried.map((item) => item.pkijs);
  if (candidates.length === 0) throw dscRefusal('certificateMissing');
  signedData.certificates = candidates;

  const challengeBytes = Buffer.from(proof.challenge, 'ascii');
  const outcome = await signedData
    .verify({ signer: 0, data: arrayBufferOf(challengeBytes), extendedMode: true, checkChain: false })
    .then((result) => ({ code: result.code ?? 14, message: result.message, verified: result.signatureVerified === true, signer: result.signerCertificate ?? null }))
    .catch((err: pkijs.SignedDataVerifyError) => ({ code: err.code ?? 0, message: err.message ?? '', verified: false, signer: err.signerCertificate ?? null }));
  if (!outcome.signer) throw uploaded.length > 0 ? dscRefusal('certificateNotSigner') : dscRefusal('signatureByOtherKey');

  const signerDer = derOfPkijs(outcome.signer);
  const leaf = parseCertificate(signerDer).x509;
  const facts = await refuseUnfitCertificate(leaf, policy, now);
  const pool = [...uploaded.slice(1), ...carried].map((item) => item.x509);
  const path = await buildCertificationPath(leaf, pool, trust, now);
  refuseUnlicensedIssuers(path, acceptedPoliciesOf(policiesOf(leaf), policy));
  await refuseRevoked(path, trust.crls);

  // Content inside the message (not detached) is what pkijs verifies; it must be the challenge itself,
  // as the OCTET STRING that CMS puts there.
  const eContent = signedData.encapContentInfo.eContent as asn1js.OctetString | undefined;
  if (eContent) {
    const isOctetString = eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4 && typeof eContent.getValue === 'function';
    if (!isOctetString || !Buffer.from(eContent.getValue()).equals(challengeBytes)) throw dscRefusal('signedOtherBytes');
  }
  if (outcome.message.includes("Message digest doesn't match")) throw dscRefusal('signedOtherBytes');
  if (!outcome.verified) throw dscRefusal('signatureByOtherKey');

  return {
    certificateDer: signerDer,
    signatureDer,
    facts,
    isDemo: trust.demoRoots.has(Buffer.from(path.root.rawData).toString('hex')),
  };
}

/** Validity, key usage, key size, CCA policy and self-signature: what the certificate alone decides. Answers its facts. */
async function refuseUnfitCertificate(leaf: x509.X509Certificate, policy: DscPolicy, now: Date): Promise<DscFacts> {
  if (now < leaf.notBefore) throw dscRefusal('notYetValid', { notBefore: leaf.notBefore.toISOString().slice(0, 10) });
  if (now > leaf.notAfter) throw dscRefusal('expired', { notAfter: leaf.notAfter.toISOString().slice(0, 10) });
  const usage = leaf.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  // A CA's certificate is not a person's: one that may issue certificates or CRLs is refused as a DSC.
  if (leaf.getExtension(x509.BasicConstraintsExtension)?.ca || (usage & (x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign)) !== 0) throw dscRefusal('caCertificate');
  if ((usage & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) === 0) throw dscRefusal('keyUsage');
  const facts = factsOf(leaf);
  if (isWeakKey(facts.keyAlgorithm)) throw dscRefusal('weakKey', { algorithm: facts.keyAlgorithm });

  const policies = policiesOf(leaf);
  const classes = classesOf(policies);
  if (acceptedPoliciesOf(policies, policy).length === 0) {
    if (classes.includes('class-2')) throw dscRefusal('class2NotAccepted');
    if (policies.includes(ccaPolicies.class1)) throw dscRefusal('class1');
    throw dscRefusal('policyNotAccepted', { policies: policies.length > 0 ? policies.join(', ') : '—' });
  }
  if (leaf.subject === leaf.issuer && (await leaf.isSelfSigned())) throw dscRefusal('selfSigned');
  return facts;
}

/** The CCA's minimum: RSA of 2048 bits, or an elliptic curve of 256 bits or more. */
function isWeakKey(keyAlgorithm: string): boolean {
  const rsaBits = /^RSA (\d+)$/.exec(keyAlgorithm)?.[1];
  if (rsaBits) return Number(rsaBits) < 2048;
  return !/^ECDSA P-(256|384|521)$|^ED(25519|448)$/.test(keyAlgorithm);
}
