import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  ccaPolicy,
  certificateDer,
  certificatePem,
  daysFromNow,
  dscOverview,
  expectProblem,
  expectRecord,
  expectRecordOf,
  expectRefusal,
  generateKeys,
  issueChallenge,
  makeCa,
  makeCrl,
  makeLeaf,
  makeTestPki,
  privateKeyDer,
  randomSerial,
  registerDsc,
  signCms,
  signedInOfficer,
  toPem,
  uploadDsc,
  writeTrustFolders,
  type Identity,
  type KeyPair,
  type TestPki,
} from '../testing/test-pki.ts';

/**
 * Register Digital Signature Certificate, as an attacker tries it: substituted certificates and
 * signer identifiers, signed-attribute and content tricks, CA certificates and broken chains,
 * twin certificates, malformed or oversized ASN.1, and key material where it must not go. Each
 * attempt must be refused (never a 500), register nothing, and leave nothing behind.
 */

const crypto = webcrypto;
const cmsEngine = new pkijs.CryptoEngine({ name: 'dsc-attacks', crypto });
const signing = { rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ec: { name: 'ECDSA', hash: 'SHA-256' } } as const;

let app: TestApp;
let agencyId: string;
let pki: TestPki;
/** A trusted root that signs with ECDSA, whose signatures can be made over again by anyone as (r, n - s). */
let ecRoot: Identity;
/** A sub-CA revoked by the root's CRL. */
let revokedCa: Identity;
/** A sub-CA with its own CRL, revoking a serial that a DSC of another CA also bears. */
let crlCa: Identity;
const collidingSerial = randomSerial();
/** Under the root, CA with pathLenConstraint 0 (as makeCa makes every intermediate). */
let pathLenZero: Identity;
/** A sub-CA that pathLenZero may not issue, and did. */
let tooDeep: Identity;
/** A sub-CA whose certificate lists Class 1 only: licensed for Class 1, not for Class 3. */
let class1OnlyCa: Identity;


const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A CA certificate with the policies and key usage of a DSC too: what must never be registered as one. */
async function makeCaLikeDsc(issuer: Identity | null, name: string): Promise<Identity> {
  const pair = await generateKeys('rsa');
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    new x509.CertificatePolicyExtension([ccaPolicy.class3]),
    await x509.SubjectKeyIdentifierExtension.create(pair.keys.publicKey, false, crypto),
  ];
  const validity = { serialNumber: randomSerial(), notBefore: daysFromNow(-30), notAfter: daysFromNow(700) };
  const certificate = issuer
    ? await x509.X509CertificateGenerator.create(
        { ...validity, subject: name, issuer: issuer.certificate.subject, publicKey: pair.keys.publicKey, signingKey: issuer.keys.privateKey, signingAlgorithm: signing[issuer.kind], extensions },
        crypto,
      )
    : await x509.X509CertificateGenerator.createSelfSigned({ ...validity, name, keys: pair.keys, signingAlgorithm: signing[pair.kind], extensions }, crypto);
  return { ...pair, certificate };
}

/** A self-made certificate (the attacker's own key signs it) with whatever extensions the attacker likes. */
async function selfMade(name: string, extensions: x509.Extension[], pair?: KeyPair): Promise<Identity> {
  const keys = pair ?? (await generateKeys('ec'));
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    { serialNumber: randomSerial(), notBefore: daysFromNow(-1), notAfter: daysFromNow(300), name, keys: keys.keys, signingAlgorithm: signing[keys.kind], extensions },
    crypto,
  );
  return { ...keys, certificate };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest();

interface CustomCms {
  /** The bytes the messageDigest attribute is computed over; default the challenge. */
  digestOver?: Uint8Array;
  /** Signed attributes: all three (default), without messageDigest, or none (the signature is then over `data`). */
  attributes?: 'full' | 'noMessageDigest' | 'none';
  /** The content inside the message (attached); default none (detached). */
  eContent?: asn1js.BaseBlock;
  /** How the SignerInfo names its certificate. */
  sid?: 'issuerAndSerial' | 'subjectKeyIdentifier';
  /** The certificate the SignerInfo names; default the signer's. */
  named?: Identity;
  /** Certificates carried; default the signer's. */
  certificates?: Array<x509.X509Certificate | Uint8Array>;
}

/** A CMS SignedData built by hand, for the variations signer tools do not make. */
async function customCms(challenge: string, signer: Identity, options: CustomCms = {}): Promise<Buffer> {
  const data = Buffer.from(challenge, 'ascii');
  const named = pkijs.Certificate.fromBER(certificateDer(options.named ?? signer));
  const attributes: pkijs.Attribute[] = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: pkijs.ContentInfo.DATA })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
  ];
  if ((options.attributes ?? 'full') === 'full') {
    attributes.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: arrayBufferOf(sha256(options.digestOver ?? data)) })] }));
  }
  const sid =
    options.sid === 'subjectKeyIdentifier'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: arrayBufferOf(sha1(named.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)) })
      : new pkijs.IssuerAndSerialNumber({ issuer: named.issuer, serialNumber: named.serialNumber });
  const signedData = new pkijs.SignedData({
    version: options.sid === 'subjectKeyIdentifier' ? 3 : 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: pkijs.ContentInfo.DATA, ...(options.eContent ? { eContent: options.eContent as asn1js.OctetString } : {}) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: options.sid === 'subjectKeyIdentifier' ? 3 : 1,
        sid,
        ...(options.attributes === 'none' ? {} : { signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }) }),
      }),
    ],
  });
  const carried = options.certificates ?? [signer.certificate];
  if (carried.length) signedData.certificates = carried.map((item) => pkijs.Certificate.fromBER(item instanceof x509.X509Certificate ? item.rawData : arrayBufferOf(item)));
  await signedData.sign(signer.keys.privateKey, 0, 'SHA-256', arrayBufferOf(data), cmsEngine);
  return Buffer.from(new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER());
}

const p256Order = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
const bigOf = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
function integerBytes(value: bigint): ArrayBuffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return arrayBufferOf(Buffer.from(hex, 'hex'));
}

/**
 * The same certificate (same to-be-signed bytes: subject, key, serial, issuer) with the CA's ECDSA
 * signature (r, s) replaced by (r, n - s), which verifies just as well: other DER, other fingerprint.
 */
function ecdsaTwin(certificate: x509.X509Certificate): x509.X509Certificate {
  const parsed = pkijs.Certificate.fromBER(certificate.rawData);
  const signature = asn1js.fromBER(parsed.signatureValue.valueBlock.valueHexView).result as asn1js.Sequence;
  const [r, s] = signature.valueBlock.value as asn1js.Integer[];
  const twinValue = new asn1js.Sequence({
    value: [new asn1js.Integer({ valueHex: integerBytes(bigOf(r!.valueBlock.valueHexView)) }), new asn1js.Integer({ valueHex: integerBytes(p256Order - bigOf(s!.valueBlock.valueHexView)) })],
  });
  parsed.signatureValue = new asn1js.BitString({ valueHex: twinValue.toBER() });
  return new x509.X509Certificate(parsed.toSchema().toBER());
}

/** A DER SEQUENCE nested `depth` times, indefinite length and never closed: what a stack-hungry parser chokes on. */
/** A CA certificate that lists only the given CCA policies. */
async function makeCaWithPolicies(issuer: Identity, name: string, policies: string[]): Promise<Identity> {
  const pair = await generateKeys('rsa');
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      notBefore: daysFromNow(-30),
      notAfter: daysFromNow(3000),
      subject: name,
      issuer: issuer.certificate.subject,
      publicKey: pair.keys.publicKey,
      signingKey: issuer.keys.privateKey,
      signingAlgorithm: signing[issuer.kind],
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        new x509.CertificatePolicyExtension(policies),
        await x509.SubjectKeyIdentifierExtension.create(pair.keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  return { ...pair, certificate };
}

const deeplyNested = (depth: number) => Buffer.alloc(depth * 2, Buffer.from([0x30, 0x80]));

beforeAll(async () => {
  pki = await makeTestPki();
  ecRoot = await makeCa({ name: 'CN=CCA India Test EC Root 2026, O=India PKI, C=IN', kind: 'ec' });
  revokedCa = await makeCa({ name: 'CN=Revoked Sub-CA 2026, O=Test Certifying Authority, C=IN', issuer: pki.root });
  crlCa = await makeCa({ name: 'CN=Sub-CA with a CRL 2026, O=Test Certifying Authority, C=IN', issuer: pki.root });
  const staleCrl = await x509.X509CrlGenerator.create(
    {
      issuer: crlCa.certificate.subject,
      thisUpdate: daysFromNow(-60),
      nextUpdate: daysFromNow(-30),
      entries: [{ serialNumber: collidingSerial, revocationDate: daysFromNow(-61), reason: x509.X509CrlReason.keyCompromise }],
      signingAlgorithm: signing.rsa,
      signingKey: crlCa.keys.privateKey,
    },
    crypto,
  );
  const trust = writeTrustFolders({
    roots: [pki.root, ecRoot],
    pemCrls: [await makeCrl(pki.root, [{ serialNumber: revokedCa.certificate.serialNumber }]), staleCrl],
  });
  app = await startTestApp({ env: trust.env });
  agencyId = (await addAgency(app.db)).id;
  pathLenZero = pki.intermediate;
  tooDeep = await makeCa({ name: 'CN=Sub-Sub-CA beyond the path length, O=Test Certifying Authority, C=IN', issuer: pathLenZero });
  class1OnlyCa = await makeCaWithPolicies(pki.root, 'CN=Class 1 only Sub-CA, O=Test Certifying Authority, C=IN', [ccaPolicy.class1]);
});
afterAll(() => app?.stop());

const officer = (name?: string) => signedInOfficer(app, agencyId, name);
const dscOf = (options: Parameters<typeof makeLeaf>[0] = {}) => makeLeaf({ issuer: pki.root, kind: 'ec', ...options });
const countRows = async (table: 'officer_dscs' | 'dsc_challenges') => Number((await app.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Refused with one of these problems (4xx, never a 500), and nothing registered. */
async function expectRefusedAmong(client: Awaited<ReturnType<typeof officer>>['client'], attempt: () => Promise<Response>, codes: string[]) {
  const before = await dscOverview(client);
  const rows = await countRows('officer_dscs');
  const response = await attempt();
  const text = await response.text();
  expect(response.status, text).toBeGreaterThanOrEqual(400);
  expect(response.status, text).toBeLessThan(500);
  expect(codes, text).toContain((JSON.parse(text) as { code: string }).code);
  expect(await dscOverview(client)).toEqual(before);
  expect(await countRows('officer_dscs')).toBe(rows);
}

describe('a signature by one key does not register the certificate of another', () => {
  it('registers a DSC whose signature names it by subject key identifier (as some token middleware does)', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    expectRecordOf(await expectRecord(await uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { sid: 'subjectKeyIdentifier' }) })), dsc);
  });

  it("refuses a signature by the attacker's key that names the victim's certificate by subject key identifier", async () => {
    const { client } = await officer();
    const victim = await dscOf({ commonName: 'Victim Officer' });
    const attacker = await dscOf({ commonName: 'Attacker' });
    const { challenge } = await issueChallenge(client);
    await expectRefusal(
      app,
      client,
      async () => uploadDsc(client, { challenge, signature: await customCms(challenge, attacker, { sid: 'subjectKeyIdentifier', named: victim, certificates: [victim.certificate, attacker.certificate] }) }),
      422,
      'problem.dsc.signatureByOtherKey',
    );
  });

  it("refuses the victim's certificate uploaded beside a signature that names the attacker's key by subject key identifier", async () => {
    const { client } = await officer();
    const victim = await dscOf({ commonName: 'Victim Officer' });
    const attacker = await dscOf({ commonName: 'Attacker' });
    const { challenge } = await issueChallenge(client);
    await expectRefusal(
      app,
      client,
      async () => uploadDsc(client, { challenge, signature: await customCms(challenge, attacker, { sid: 'subjectKeyIdentifier' }), certificate: certificateDer(victim) }),
      422,
      'problem.dsc.certificateNotSigner',
    );
  });

  it("refuses a PEM certificate file with the victim's certificate first and the attacker's (the real signer) after it", async () => {
    const { client } = await officer();
    const victim = await dscOf({ commonName: 'Victim Officer' });
    const attacker = await dscOf({ commonName: 'Attacker' });
    const { challenge } = await issueChallenge(client);
    const certificate = Buffer.from(certificatePem(victim) + certificatePem(attacker));
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, attacker, { certificates: [] }), certificate }), 422, 'problem.dsc.certificateNotSigner');
  });

  it('refuses a forged certificate with the issuer and serial of a real DSC, but the attacker\'s key, carried first', async () => {
    const { client } = await officer();
    const victim = await dscOf({ commonName: 'Victim Officer' });
    const forgedKeys = await generateKeys('ec');
    const forged = await makeLeaf({ issuer: pki.impostorRoot, keys: forgedKeys, serialNumber: victim.certificate.serialNumber, commonName: 'Victim Officer' });
    expect(forged.certificate.issuer).toBe(victim.certificate.issuer);
    const { challenge } = await issueChallenge(client);
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, forged, { certificates: [forged, victim] }) }), ['problem.dsc.untrustedChain', 'problem.dsc.signatureByOtherKey']);
  });
});

describe('the signature covers the exact challenge bytes and nothing else', () => {
  it('registers a signature with no signed attributes, made over the challenge itself', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    expectRecordOf(await expectRecord(await uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { attributes: 'none' }) })), dsc);
  });

  it('refuses signed attributes without a messageDigest: they bind the signature to no content', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { attributes: 'noMessageDigest' }) }), ['problem.dsc.signedOtherBytes', 'problem.dsc.signatureByOtherKey']);
  });

  it('refuses signed attributes whose messageDigest is of another challenge', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const { challenge: other } = await issueChallenge(client);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { digestOver: Buffer.from(other) }) }), 422, 'problem.dsc.signedOtherBytes');
  });

  it('refuses content inside the message that is another challenge, even when signed correctly over it', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const { challenge: other } = await issueChallenge(client);
    const eContent = new asn1js.OctetString({ valueHex: arrayBufferOf(Buffer.from(other)) });
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { eContent, digestOver: Buffer.from(other) }) }), 422, 'problem.dsc.signedOtherBytes');
  });

  it('registers content inside the message (attached) that is exactly the challenge', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const eContent = new asn1js.OctetString({ valueHex: arrayBufferOf(Buffer.from(challenge)) });
    expectRecordOf(await expectRecord(await uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { eContent }) })), dsc);
  });

  it('refuses a signature with two signers, the second by another officer\'s key', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const other = await dscOf({ commonName: 'Other Officer' });
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, other, { coSigners: [dsc], certificates: [other, dsc] }) }), 422, 'problem.dsc.signatureSignerCount');
  });

  it('refuses content inside the message that is not an OCTET STRING, though it spells the challenge', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const eContent = new asn1js.Utf8String({ value: challenge });
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { eContent, digestOver: Buffer.from(eContent.toBER()) }) }), ['problem.dsc.signedOtherBytes', 'problem.dsc.signatureUnreadable']);
  });

  it('refuses a PEM signature file whose first CMS block signs other bytes, whatever block follows', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const wrong = await signCms(`${challenge}\n`, dsc);
    const right = await signCms(challenge, dsc);
    const signature = Buffer.from(toPem(wrong, 'CMS') + toPem(right, 'CMS'));
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature }), 422, 'problem.dsc.signedOtherBytes');
  });
});

describe('only an end-entity DSC under a valid chain is registered', () => {
  it('refuses a trusted root, given Class 3 and digitalSignature, used as the DSC itself', async () => {
    const root = await makeCaLikeDsc(null, 'CN=Self-Contained Root, O=Test, C=IN');
    const trust = writeTrustFolders({ roots: [root] });
    const own = await startTestApp({ env: trust.env });
    try {
      const ownAgency = (await addAgency(own.db)).id;
      const { client } = await signedInOfficer(own, ownAgency);
      await expectRefusal(own, client, () => registerDsc(client, root), 422, 'problem.dsc.caCertificate');
    } finally {
      await own.stop();
    }
  });

  it('refuses a DSC under an intermediate that the root CRL revokes', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: revokedCa, kind: 'ec' });
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [dsc, revokedCa] }), 422, 'problem.dsc.revoked');
  });

  it('still refuses a DSC that a CRL past its nextUpdate lists: a revocation does not lapse', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: crlCa, kind: 'ec', serialNumber: collidingSerial });
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [dsc, crlCa] }), 422, 'problem.dsc.revoked');
  });

  it("does not refuse a DSC of another CA that happens to bear a serial some CA's CRL revokes", async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'ec', serialNumber: collidingSerial });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc)), dsc);
  });
});

describe('one officer per DSC', () => {
  it('registers the ECDSA twin only when the original is nobody else\'s (the twin verifies like the original)', async () => {
    const dsc = await makeLeaf({ issuer: ecRoot, kind: 'ec' });
    const twin = ecdsaTwin(dsc.certificate);
    expect(Buffer.from(twin.rawData).equals(certificateDer(dsc))).toBe(false);
    const tbsOf = (certificate: x509.X509Certificate) => Buffer.from(pkijs.Certificate.fromBER(certificate.rawData).tbsView);
    expect(tbsOf(twin).equals(tbsOf(dsc.certificate))).toBe(true);
    expect(await twin.verify({ publicKey: ecRoot.certificate.publicKey, signatureOnly: true }, crypto)).toBe(true);
    const { client } = await officer();
    const record = await expectRecord(await registerDsc(client, { ...dsc, certificate: twin }));
    expect(record.serialNumber.replace(/^0+/, '').toLowerCase()).toBe(dsc.certificate.serialNumber.replace(/^0+/, '').toLowerCase());
  });
});

describe('malformed and oversized input is refused, never with a 500 (its cost is in npm run bench)', () => {
  it('refuses a signature file of 32,000 nested SEQUENCEs in well under the time a request may take', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, () => uploadDsc(client, { challenge, signature: deeplyNested(32_000) }), 422, 'problem.dsc.signatureUnreadable');
  });

  it('refuses a certificate file of 8,000 nested SEQUENCEs beside a good signature', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc, { certificates: [] }), certificate: deeplyNested(8_000) }), 422, 'problem.dsc.certificateUnreadable');
  });

  it('refuses a signature carrying a six-deep chain of self-made CAs among a hundred decoys', async () => {
    const { client } = await officer();
    const name = (i: number) => `CN=Decoy CA ${i}, O=Nobody, C=IN`;
    const chain: Identity[] = [await selfMade(name(0), [new x509.BasicConstraintsExtension(true, undefined, true)])];
    for (let i = 1; i < 7; i++) chain.push(await makeCa({ name: name(i), issuer: chain[i - 1]!, kind: 'ec' }));
    const decoyKeys = await generateKeys('ec');
    const decoys = await Promise.all(Array.from({ length: 100 }, (_, i) => selfMade(name(i % 7), [], decoyKeys)));
    const dsc = await makeLeaf({ issuer: chain[6]!, kind: 'ec' });
    const { challenge } = await issueChallenge(client);
    const signature = await signCms(challenge, dsc, { certificates: [dsc, ...decoys, ...chain.slice().reverse()] });
    expect(signature.length).toBeLessThan(64 * 1024);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature }), 422, 'problem.dsc.untrustedChain');
  });

  it('answers 422, not 500, to a self-signed certificate with an unknown signature algorithm', async () => {
    const { client } = await officer();
    const made = await selfMade('CN=Ravi Kulkarni, C=IN', [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true), new x509.CertificatePolicyExtension([ccaPolicy.class3])]);
    const der = Buffer.from(made.certificate.rawData);
    // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) in the outer signatureAlgorithm becomes 1.2.840.10045.4.3.127.
    const oid = Buffer.from([0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]);
    const at = der.lastIndexOf(oid);
    expect(at).toBeGreaterThan(0);
    der[at + oid.length - 1] = 0x7f;
    const { challenge } = await issueChallenge(client);
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, made, { certificates: [der] }) }), ['problem.dsc.selfSigned', 'problem.dsc.certificateUnreadable', 'problem.dsc.untrustedChain']);
  });

  it('refuses a signature file over the 64 KB limit before reading it', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    const response = await uploadDsc(client, { challenge, signature: Buffer.alloc(64 * 1024 + 1, 0x30) });
    await expectProblem(response, 413, 'problem.dsc.fileTooLarge');
  });

  it('refuses an empty signature file', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, () => uploadDsc(client, { challenge, signature: Buffer.alloc(0) }), 422, 'problem.dsc.signatureUnreadable');
  });

  it('refuses a third file field, and a second signature file', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const signature = await signCms(challenge, dsc);
    const form = new FormData();
    form.append('challenge', challenge);
    form.append('signature', new Blob([new Uint8Array(signature)]), 'a.p7s');
    form.append('signature', new Blob([new Uint8Array(signature)]), 'b.p7s');
    expect((await client.upload('/api/me/dsc', form)).status).toBe(400);
    const other = new FormData();
    other.append('challenge', challenge);
    other.append('signature', new Blob([new Uint8Array(signature)]), 'a.p7s');
    other.append('key', new Blob([new Uint8Array(await privateKeyDer(dsc))]), 'key.der');
    expect((await client.upload('/api/me/dsc', other)).status).toBe(400);
    expect((await dscOverview(client)).active).toBeNull();
  });
});

describe('the holder name is shown as the certificate has it, and flagged when it is not the officer\'s', () => {
  const lookAlikes: Array<[string, string]> = [
    ['Cyrillic letters that look Latin', 'Rаvi Kulkаrni'],
    ['a zero-width space inside', 'Ravi\u200bKulkarni'],
    ['a right-to-left override', 'Ravi \u202eKulkarni'],
    ['a combining mark', 'Ravi Kulkarni\u0301'],
  ];
  it.each(lookAlikes)('%s', async (_, holder) => {
    const { client } = await officer('Ravi Kulkarni');
    const record = await expectRecord(await registerDsc(client, await dscOf({ commonName: holder })));
    expect(record.holderName).toBe(holder);
    expect(record.holderDiffersFromOfficer).toBe(true);
  });
});

describe('access to DSCs follows role and agency', () => {
  it('lets no agency administrator or reviewer ask for a challenge or register a DSC', async () => {
    for (const role of ['agency-admin', 'dgft-reviewer'] as const) {
      const { client } = await signedInAs(app, role, role === 'agency-admin' ? agencyId : null);
      expect((await client.post('/api/me/dsc/challenges')).status).toBe(403);
      const form = new FormData();
      form.append('challenge', `eCoO-DSC-challenge:${'A'.repeat(43)}`);
      form.append('signature', new Blob([new Uint8Array([0x30, 0x00])]), 'a.p7s');
      expect((await client.upload('/api/me/dsc', form)).status).toBe(403);
    }
  });

  it("shows an officer's DSC to no colleague officer, and to no administrator of another agency", async () => {
    const owner = await officer();
    await expectRecord(await registerDsc(owner.client, await dscOf()));
    const colleague = await officer();
    expect((await colleague.client.get(`/api/officers/${owner.id}/dsc`)).status).toBe(403);
    expect((await colleague.client.get('/api/dsc/expiring')).status).toBe(403);
    const otherAgency = (await addAgency(app.db)).id;
    const { client: otherAdmin } = await signedInAs(app, 'agency-admin', otherAgency);
    await expectProblem(await otherAdmin.get(`/api/officers/${owner.id}/dsc`), 404, 'problem.officerNotFound');
    const { client: reviewer } = await signedInAs(app, 'dgft-reviewer');
    expect((await reviewer.get(`/api/officers/${owner.id}/dsc`)).status).toBe(403);
  });

  it('refuses an officer disabled after asking for the challenge', async () => {
    const { client, id } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const signature = await signCms(challenge, dsc);
    await app.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', id).execute();
    const response = await uploadDsc(client, { challenge, signature });
    expect([401, 403]).toContain(response.status);
    expect(Number((await app.db.selectFrom('officer_dscs').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', id).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it('keeps one active DSC when an officer uploads two DSCs at once with two challenges', async () => {
    const { client } = await officer();
    const first = await dscOf();
    const second = await dscOf();
    const [a, b] = [await issueChallenge(client), await issueChallenge(client)];
    const responses = await Promise.all([
      uploadDsc(client, { challenge: a.challenge, signature: await signCms(a.challenge, first) }),
      uploadDsc(client, { challenge: b.challenge, signature: await signCms(b.challenge, second) }),
    ]);
    for (const response of responses) expect([201, 409]).toContain(response.status);
    const overview = await dscOverview(client);
    expect(overview.active).not.toBeNull();
    expect(overview.history.length + 1).toBe(responses.filter((response) => response.status === 201).length);
  });

  it('does not let a second officer take a challenge by racing its owner with their own DSC', async () => {
    const owner = await officer();
    const thief = await officer();
    const { challenge } = await issueChallenge(owner.client);
    const [mine, theirs] = await Promise.all([
      uploadDsc(owner.client, { challenge, signature: await signCms(challenge, await dscOf()) }),
      uploadDsc(thief.client, { challenge, signature: await signCms(challenge, await dscOf()) }),
    ]);
    expect(mine.status).toBe(201);
    await expectProblem(theirs, 422, 'problem.dsc.challengeNotYours');
    expect((await dscOverview(thief.client)).active).toBeNull();
  });
});

describe('found by the review and now refused: CA certificates, path lengths, unlicensed issuers, twins, malformed content, key material', () => {
  it('refuses a CA certificate (basicConstraints cA) with Class 3 and digitalSignature as a DSC', async () => {
    const { client } = await officer();
    const ca = await makeCaLikeDsc(pki.root, 'CN=Sub-CA posing as a DSC, O=Test Certifying Authority, C=IN');
    await expectRefusedAmong(client, () => registerDsc(client, ca), ['problem.dsc.caCertificate']);
  });

  it('refuses a DSC under a sub-CA that a pathLenConstraint 0 intermediate issued', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: tooDeep, kind: 'ec' });
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [dsc, tooDeep, pathLenZero] }), 422, 'problem.dsc.issuerNotValid');
  });

  it('refuses a "Class 3" DSC issued by a sub-CA whose certificate allows Class 1 only', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: class1OnlyCa, kind: 'ec' });
    await expectRefusedAmong(client, () => registerDsc(client, dsc, { certificates: [dsc, class1OnlyCa] }), ['problem.dsc.issuerPolicy']);
  });

  it("refuses to a second officer the ECDSA twin of a DSC registered to the first", async () => {
    const dsc = await makeLeaf({ issuer: ecRoot, kind: 'ec' });
    const first = await officer();
    await expectRecord(await registerDsc(first.client, dsc));
    const second = await officer();
    const twin = ecdsaTwin(dsc.certificate);
    await expectRefusal(app, second.client, () => registerDsc(second.client, { ...dsc, certificate: twin }), 409, 'problem.dsc.takenByOtherOfficer');
  });

  it('answers 422, not 500, to a carried certificate whose basicConstraints extension is garbage', async () => {
    const { client } = await officer();
    const attacker = await selfMade('CN=Attacker, C=IN', [new x509.Extension('2.5.29.19', false, new Uint8Array([0x02, 0x01, 0x05]))]).catch(() => null);
    expect(attacker, 'could not make the malformed certificate').not.toBeNull();
    const { challenge } = await issueChallenge(client);
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, attacker!) }), ['problem.dsc.certificateUnreadable', 'problem.dsc.untrustedChain', 'problem.dsc.keyUsage', 'problem.dsc.policyNotAccepted', 'problem.dsc.selfSigned']);
  });

  it('answers 422, not 500, to such a certificate carried beside a valid DSC uploaded as the certificate', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const attacker = await selfMade('CN=Attacker, C=IN', [new x509.Extension('2.5.29.19', false, new Uint8Array([0x02, 0x01, 0x05]))]);
    const { challenge } = await issueChallenge(client);
    const signature = await customCms(challenge, dsc, { certificates: [attacker.certificate] });
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature, certificate: certificateDer(dsc) }), ['problem.dsc.certificateUnreadable', 'problem.dsc.signatureUnreadable']);
  });

  it('answers 422, not 500, to content inside the message that is an INTEGER', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const { challenge } = await issueChallenge(client);
    const eContent = new asn1js.Integer({ value: 42 });
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature: await customCms(challenge, dsc, { eContent, digestOver: Buffer.from(eContent.toBER()) }) }), ['problem.dsc.signedOtherBytes', 'problem.dsc.signatureUnreadable']);
  });

  it('refuses, and stores nothing of, a DER signature with a private key appended to it', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const keyDer = await privateKeyDer(dsc);
    const { challenge } = await issueChallenge(client);
    const signature = Buffer.concat([await signCms(challenge, dsc), Buffer.from(toPem(keyDer, 'PRIVATE KEY'))]);
    await expectRefusedAmong(client, async () => uploadDsc(client, { challenge, signature }), ['problem.dsc.privateKeyUploaded']);
    const stored = await app.db.selectFrom('officer_dscs').select('signature_der').execute();
    for (const row of stored) expect(Buffer.from(row.signature_der).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
  });

  it('names the mistake when the certificate file is `openssl pkcs12 -nodes` output (Bag Attributes, then the certificate and the key)', async () => {
    const { client } = await officer();
    const dsc = await dscOf();
    const keyPem = toPem(await privateKeyDer(dsc), 'PRIVATE KEY');
    const bagged = Buffer.from(
      `Bag Attributes\n    localKeyID: 5A 3C 11 9E 08 44 B2 7D 61 0F 3E 92 C4 A8 1B 77 D0 E2 36 58\n    friendlyName: Ravi Kulkarni's DSC\nsubject=C = IN, O = Personal, CN = Ravi Kulkarni\nissuer=${pki.root.certificate.subject}\n` +
        certificatePem(dsc) +
        `Bag Attributes\n    localKeyID: 5A 3C 11 9E 08 44 B2 7D 61 0F 3E 92 C4 A8 1B 77 D0 E2 36 58\nKey Attributes: <No Attributes>\n` +
        keyPem,
    );
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, async () => uploadDsc(client, { challenge, signature: await signCms(challenge, dsc, { certificates: [] }), certificate: bagged }), 422, 'problem.dsc.privateKeyUploaded');
  });
});
