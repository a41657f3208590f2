import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { expect } from 'vitest';
import { DscChallengeSchema, DscOverviewSchema, DscRecordSchema, type DscChallenge, type DscOverview, type DscRecord } from '@ecoo/shared/dsc/schemas';
import { ProblemSchema, type Problem } from '@ecoo/shared/problem';
import type { TestClient } from './test-client.ts';
import { addUser, type TestApp } from './test-app.ts';

/**
 * A certification hierarchy for tests, made in-process with WebCrypto: a trusted root, an
 * intermediate under it, leaves (DSCs) as a test needs them, CRLs, and detached CMS signatures
 * over a challenge, made by pkijs or by the `openssl cms` command officers are shown.
 *
 * Nothing here is registered globally: the crypto provider is passed to each call, so the code
 * under test sets up @peculiar/x509 and pkijs as it would in production.
 */

const crypto = webcrypto;
type CryptoKeyPair = webcrypto.CryptoKeyPair;
const cmsEngine = new pkijs.CryptoEngine({ name: 'test-pki', crypto });

/** India's Controller of Certifying Authorities policies (CCA Interoperability Guidelines). */
export const ccaPolicy = {
  class1: '2.16.356.100.2.1',
  class2: '2.16.356.100.2.2',
  class3: '2.16.356.100.2.3',
  documentSigner: '2.16.356.100.10.1',
} as const;

export type KeyKind = 'rsa' | 'ec';

/** Key usage flags for makeLeaf, from here so that tests need not import @peculiar/x509 before reflect-metadata. */
export const KeyUsage = x509.KeyUsageFlags;

const keyAlgorithms = {
  rsa: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
  ec: { name: 'ECDSA', namedCurve: 'P-256' },
} as const;
const signingAlgorithms = { rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ec: { name: 'ECDSA', hash: 'SHA-256' } } as const;

export interface KeyPair {
  kind: KeyKind;
  keys: CryptoKeyPair;
}

/** A certificate with its key pair: a CA or a DSC holder. */
export interface Identity extends KeyPair {
  certificate: x509.X509Certificate;
}

export const generateKeys = async (kind: KeyKind): Promise<KeyPair> => ({
  kind,
  keys: (await crypto.subtle.generateKey(keyAlgorithms[kind], true, ['sign', 'verify'])) as CryptoKeyPair,
});

const day = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * day);

/** A positive serial of 16 random bytes, in hex, as CAs issue them. */
export const randomSerial = () => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
};

export interface CaOptions {
  name: string;
  kind?: KeyKind;
  /** Signed by this CA; self-signed (a root) when absent. */
  issuer?: Identity;
  notBefore?: Date;
  notAfter?: Date;
  /** Reuse a key pair, e.g. to make a second certificate for the same CA. */
  keys?: KeyPair;
}

/** A CA certificate: basicConstraints cA, keyCertSign and cRLSign, key identifiers. */
export async function makeCa(options: CaOptions): Promise<Identity> {
  const pair = options.keys ?? (await generateKeys(options.kind ?? 'rsa'));
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, options.issuer ? 0 : undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(pair.keys.publicKey, false, crypto),
  ];
  const validity = { serialNumber: randomSerial(), notBefore: options.notBefore ?? daysFromNow(-3650), notAfter: options.notAfter ?? daysFromNow(3650) };
  if (!options.issuer) {
    const certificate = await x509.X509CertificateGenerator.createSelfSigned(
      { ...validity, name: options.name, keys: pair.keys, signingAlgorithm: signingAlgorithms[pair.kind], extensions },
      crypto,
    );
    return { ...pair, certificate };
  }
  // A licensed CA's certificate lists the CCA policies it may issue under, as the real ones do.
  extensions.push(new x509.CertificatePolicyExtension(Object.values(ccaPolicy)));
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(options.issuer.certificate, false, crypto));
  const certificate = await x509.X509CertificateGenerator.create(
    {
      ...validity,
      subject: options.name,
      issuer: options.issuer.certificate.subject,
      publicKey: pair.keys.publicKey,
      signingKey: options.issuer.keys.privateKey,
      signingAlgorithm: signingAlgorithms[options.issuer.kind],
      extensions,
    },
    crypto,
  );
  return { ...pair, certificate };
}

export interface LeafOptions {
  /** RSA-2048 (default) or ECDSA P-256. */
  kind?: KeyKind;
  /** Reuse a key pair (a renewed certificate for the same key). */
  keys?: KeyPair;
  /** The CA that signs it; ignored when selfSigned. */
  issuer?: Identity;
  selfSigned?: boolean;
  /** The holder's name, the subject CN; Devanagari is kept as UTF-8. */
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** x509.KeyUsageFlags; null leaves the extension out. Default digitalSignature | nonRepudiation. */
  keyUsage?: number | null;
  /** Certificate policy OIDs; [] leaves the extension out. Default Class 3. */
  policies?: string[];
  serialNumber?: string;
}

/** An individual's DSC as a licensed CA issues it. */
export async function makeLeaf(options: LeafOptions = {}): Promise<Identity> {
  const pair = options.keys ?? (await generateKeys(options.kind ?? 'rsa'));
  const subject: x509.JsonName = [{ C: ['IN'] }, { O: ['Personal'] }, { CN: [options.commonName ?? 'Ravi Kulkarni'] }];
  const keyUsage = options.keyUsage === undefined ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation : options.keyUsage;
  const policies = options.policies ?? [ccaPolicy.class3];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, false),
    await x509.SubjectKeyIdentifierExtension.create(pair.keys.publicKey, false, crypto),
  ];
  if (keyUsage !== null) extensions.push(new x509.KeyUsagesExtension(keyUsage, true));
  if (policies.length) extensions.push(new x509.CertificatePolicyExtension(policies));
  const validity = { serialNumber: options.serialNumber ?? randomSerial(), notBefore: options.notBefore ?? daysFromNow(-30), notAfter: options.notAfter ?? daysFromNow(700) };
  if (options.selfSigned) {
    const certificate = await x509.X509CertificateGenerator.createSelfSigned(
      { ...validity, name: subject, keys: pair.keys, signingAlgorithm: signingAlgorithms[pair.kind], extensions },
      crypto,
    );
    return { ...pair, certificate };
  }
  const issuer = options.issuer;
  if (!issuer) throw new Error('makeLeaf: give an issuer, or selfSigned');
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate, false, crypto));
  const certificate = await x509.X509CertificateGenerator.create(
    {
      ...validity,
      subject,
      issuer: issuer.certificate.subject,
      publicKey: pair.keys.publicKey,
      signingKey: issuer.keys.privateKey,
      signingAlgorithm: signingAlgorithms[issuer.kind],
      extensions,
    },
    crypto,
  );
  return { ...pair, certificate };
}

/** A CRL of `ca` revoking the serials (hex), revoked a day ago unless given. */
export async function makeCrl(ca: Identity, revoked: Array<{ serialNumber: string; revokedAt?: Date }>): Promise<x509.X509Crl> {
  return x509.X509CrlGenerator.create(
    {
      issuer: ca.certificate.subject,
      thisUpdate: daysFromNow(-1),
      nextUpdate: daysFromNow(7),
      entries: revoked.map((entry) => ({ serialNumber: entry.serialNumber, revocationDate: entry.revokedAt ?? daysFromNow(-1), reason: x509.X509CrlReason.keyCompromise })),
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false, crypto)],
      signingAlgorithm: signingAlgorithms[ca.kind],
      signingKey: ca.keys.privateKey,
    },
    crypto,
  );
}

export interface TestPki {
  /** Trusted: written to the TRUST_ROOTS_DIR of the test app. */
  root: Identity;
  /** Under the root; known to the console only when a signature carries it. */
  intermediate: Identity;
  /** An untrusted root with exactly the trusted root's name, and its own key. */
  impostorRoot: Identity;
  /** A root nobody trusts, with a name of its own. */
  strangerRoot: Identity;
}

export const rootName = 'CN=CCA India Test Root 2026, O=India PKI, C=IN';

/** The CAs of a test file: made once, in beforeAll. */
export async function makeTestPki(): Promise<TestPki> {
  const root = await makeCa({ name: rootName });
  const intermediate = await makeCa({ name: 'CN=Test Sub-CA for Class 3 Individual 2026, O=Test Certifying Authority, C=IN', issuer: root });
  const impostorRoot = await makeCa({ name: rootName });
  const strangerRoot = await makeCa({ name: 'CN=Stranger Root CA, O=Nobody, C=IN' });
  return { root, intermediate, impostorRoot, strangerRoot };
}

/** PEM of a DER object: `label` CERTIFICATE, X509 CRL, PKCS7, PRIVATE KEY. */
export const toPem = (der: ArrayBuffer | Uint8Array, label: string) =>
  `-----BEGIN ${label}-----\n${(Buffer.from(der as ArrayBuffer).toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

export const certificateDer = (identity: Identity | x509.X509Certificate) =>
  Buffer.from(('certificate' in identity ? identity.certificate : identity).rawData);
export const certificatePem = (identity: Identity | x509.X509Certificate) => toPem(certificateDer(identity), 'CERTIFICATE');

/** The private key as PKCS#8 DER: what must never be uploaded. */
export const privateKeyDer = async (pair: KeyPair) => Buffer.from(await crypto.subtle.exportKey('pkcs8', pair.keys.privateKey));

/** SHA-256 of the certificate's DER, lowercase hex. */
export const fingerprintOf = (identity: Identity) => createHash('sha256').update(certificateDer(identity)).digest('hex');

export interface TrustFolders {
  rootsDir: string;
  intermediatesDir: string;
  crlDir: string;
  /** The test app's environment for them. */
  env: Record<string, string>;
}

/** Temporary folders of PEM roots, PEM intermediates, and CRLs as PEM or DER files. */
export function writeTrustFolders(content: { roots: Identity[]; intermediates?: Identity[]; pemCrls?: x509.X509Crl[]; derCrls?: x509.X509Crl[] }): TrustFolders {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-pki-'));
  const rootsDir = path.join(base, 'roots');
  const intermediatesDir = path.join(base, 'intermediates');
  const crlDir = path.join(base, 'crls');
  for (const dir of [rootsDir, intermediatesDir, crlDir]) fs.mkdirSync(dir);
  content.roots.forEach((ca, index) => fs.writeFileSync(path.join(rootsDir, `root-${index}.pem`), certificatePem(ca)));
  (content.intermediates ?? []).forEach((ca, index) => fs.writeFileSync(path.join(intermediatesDir, `intermediate-${index}.pem`), certificatePem(ca)));
  (content.pemCrls ?? []).forEach((crl, index) => fs.writeFileSync(path.join(crlDir, `ca-${index}.pem`), toPem(crl.rawData, 'X509 CRL')));
  (content.derCrls ?? []).forEach((crl, index) => fs.writeFileSync(path.join(crlDir, `ca-${index}.crl`), Buffer.from(crl.rawData)));
  return { rootsDir, intermediatesDir, crlDir, env: { TRUST_ROOTS_DIR: rootsDir, TRUST_INTERMEDIATES_DIR: intermediatesDir, DSC_CRL_DIR: crlDir } };
}

// --- CMS: a little DER for the signed attributes, so as not to depend on pkijs's private asn1js copy.

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);

function derOid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) group.unshift((value & 0x7f) | 0x80);
    bytes.push(...group);
  }
  return tlv(0x06, Buffer.from(bytes));
}

const utcTime = (date: Date) => tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, '')}Z`, 'ascii'));
const attribute = (type: string, value: Buffer) => tlv(0x30, Buffer.concat([derOid(type), tlv(0x31, value)]));

const oids = { data: '1.2.840.113549.1.7.1', contentType: '1.2.840.113549.1.9.3', messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5' };

export interface CmsOptions {
  /** Certificates the signature carries; default the signer's alone. [] for none. */
  certificates?: Array<Identity | x509.X509Certificate>;
  /** Names this certificate as the signer (issuer and serial) while signing with `signer`'s key. */
  namedSigner?: Identity;
  /** More signers beside `signer`, each with its own SignerInfo. */
  coSigners?: Identity[];
  /** SHA-1 only with an ECDSA key: WebCrypto signs with an RSA key's own hash, whatever the CMS says. */
  hash?: 'SHA-256' | 'SHA-1';
  form?: 'der' | 'pem';
}

/**
 * A detached CMS SignedData over `content` (a string is taken as its ASCII bytes): SHA-256,
 * signed attributes contentType (id-data), signingTime and messageDigest, as signer tools make them.
 */
export async function signCms(content: string | Uint8Array, signer: Identity, options: CmsOptions = {}): Promise<Buffer> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'ascii') : Buffer.from(content);
  const hash = options.hash ?? 'SHA-256';
  const digest = createHash(hash === 'SHA-1' ? 'sha1' : 'sha256').update(bytes).digest();
  const signerInfo = (named: Identity) => {
    const certificate = pkijs.Certificate.fromBER(certificateDer(named));
    // DER orders a SET OF by its members' encodings.
    const attributes = [attribute(oids.contentType, derOid(oids.data)), attribute(oids.signingTime, utcTime(new Date())), attribute(oids.messageDigest, tlv(0x04, digest))]
      .sort(Buffer.compare)
      .map((der) => pkijs.Attribute.fromBER(der));
    return new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    });
  };
  const signers = [signer, ...(options.coSigners ?? [])];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }),
    signerInfos: [signerInfo(options.namedSigner ?? signer), ...(options.coSigners ?? []).map(signerInfo)],
  });
  const carried = options.certificates ?? signers;
  if (carried.length) signedData.certificates = carried.map((certificate) => pkijs.Certificate.fromBER(certificateDer(certificate)));
  for (const [index, one] of signers.entries()) await signedData.sign(one.keys.privateKey, index, hash, bytes, cmsEngine);
  const der = Buffer.from(new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) }).toSchema().toBER());
  return options.form === 'pem' ? Buffer.from(toPem(der, 'PKCS7')) : der;
}

/** Writes the files an officer would hold into a temporary folder, runs `openssl` there, and removes it. */
async function withOpenSslFolder<T>(signer: Identity, extra: Record<string, string | Buffer>, run: (dir: string) => T): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-openssl-'));
  try {
    fs.writeFileSync(path.join(dir, 'key.pem'), toPem(await privateKeyDer(signer), 'PRIVATE KEY'), { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'cert.pem'), certificatePem(signer));
    for (const [name, value] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), value);
    return run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The signature as the console tells officers to make it:
 * `openssl cms -sign -binary -md sha256 -in challenge.txt -signer cert.pem -inkey key.pem -outform DER -out challenge.p7s`,
 * with `-certfile` for the CA certificates to include; `-outform PEM` writes a "BEGIN CMS" block;
 * `flags` adds options such as -nodetach (the content inside the signature).
 */
export function signWithOpenSsl(content: string, signer: Identity, options: { chain?: Identity[]; outform?: 'DER' | 'PEM'; flags?: string[] } = {}): Promise<Buffer> {
  const chain = options.chain ?? [];
  const extra: Record<string, string | Buffer> = { 'challenge.txt': Buffer.from(content, 'ascii') };
  if (chain.length) extra['chain.pem'] = chain.map((ca) => certificatePem(ca)).join('');
  return withOpenSslFolder(signer, extra, (dir) => {
    const certfile = chain.length ? ['-certfile', 'chain.pem'] : [];
    const args = ['cms', '-sign', '-binary', '-md', 'sha256', ...(options.flags ?? []), '-in', 'challenge.txt', '-signer', 'cert.pem', '-inkey', 'key.pem', ...certfile];
    execFileSync('openssl', [...args, '-outform', options.outform ?? 'DER', '-out', 'challenge.p7s'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    return fs.readFileSync(path.join(dir, 'challenge.p7s'));
  });
}

/** The certificate and its key in a PKCS#12 (.pfx) bundle, as tokens and browsers export them. */
export function pkcs12Of(identity: Identity, password = 'test'): Promise<Buffer> {
  return withOpenSslFolder(identity, {}, (dir) => {
    execFileSync('openssl', ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-passout', `pass:${password}`, '-out', 'bundle.p12'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return fs.readFileSync(path.join(dir, 'bundle.p12'));
  });
}

/** The key as OpenSSL writes it: PKCS#8 encrypted (ENCRYPTED PRIVATE KEY) and traditional (RSA/EC PRIVATE KEY). */
export function privateKeyPemsOf(identity: Identity): Promise<{ encrypted: string; traditional: string }> {
  return withOpenSslFolder(identity, {}, (dir) => {
    const run = (args: string[]) => execFileSync('openssl', ['pkey', '-in', 'key.pem', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    return { encrypted: run(['-aes256', '-passout', 'pass:test']), traditional: run(['-traditional']) };
  });
}

/** The signature with the last byte of its (last) signature value changed: the DER ends with it. */
export function tampered(signature: Buffer): Buffer {
  const copy = Buffer.from(signature);
  copy[copy.length - 1] = copy[copy.length - 1]! ^ 0x01;
  return copy;
}

// --- The officer's side of Register Digital Signature Certificate, over HTTP.

/** Asks for a challenge, as My Dashboard does; fails the test unless it is 201. */
export async function issueChallenge(client: TestClient): Promise<DscChallenge> {
  const response = await client.post('/api/me/dsc/challenges');
  expect(response.status, await response.clone().text()).toBe(201);
  return DscChallengeSchema.parse(await response.json());
}

/** The registration form: the challenge text, the .p7s and, where given, the certificate. */
export function uploadDsc(client: TestClient, files: { challenge: string; signature?: Buffer; certificate?: Buffer }): Promise<Response> {
  const form = new FormData();
  form.append('challenge', files.challenge);
  if (files.signature) form.append('signature', new Blob([new Uint8Array(files.signature)], { type: 'application/pkcs7-signature' }), 'challenge.p7s');
  if (files.certificate) form.append('certificate', new Blob([new Uint8Array(files.certificate)], { type: 'application/pkix-cert' }), 'certificate.cer');
  return client.upload('/api/me/dsc', form);
}

/** A fresh challenge signed by `signer` (pkijs, or what `sign` makes of it) and uploaded. */
export async function registerDsc(
  client: TestClient,
  signer: Identity,
  options: CmsOptions & { certificate?: Buffer; sign?: (challenge: string) => Promise<Buffer> } = {},
): Promise<Response> {
  const { challenge } = await issueChallenge(client);
  const signature = options.sign ? await options.sign(challenge) : await signCms(challenge, signer, options);
  return uploadDsc(client, { challenge, signature, certificate: options.certificate });
}

export async function expectRecord(response: Response): Promise<DscRecord> {
  expect(response.status, await response.clone().text()).toBe(201);
  return DscRecordSchema.parse(await response.json());
}

export async function dscOverview(client: TestClient, path = '/api/me/dsc'): Promise<DscOverview> {
  const response = await client.get(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return DscOverviewSchema.parse(await response.json());
}

/** A problem answer with this catalogue key, its parameters all filled in. */
export async function expectProblem(response: Response, status: number | number[], code: string): Promise<Problem> {
  const text = await response.text();
  expect(Array.isArray(status) ? status : [status], text).toContain(response.status);
  const problem = ProblemSchema.parse(JSON.parse(text));
  expect(problem.code, text).toBe(code);
  expect(problem.detail).not.toMatch(/\{\w+\}/);
  return problem;
}

/** Hex or decimal, with or without separators and leading zeros: the serial as lowercase hex. */
export function serialAsHex(serial: string): string {
  const compact = serial.replace(/[\s:]/g, '');
  const hex = /^[0-9]+$/.test(compact) && compact.length > 20 ? BigInt(compact).toString(16) : compact.toLowerCase();
  return hex.replace(/^0+/, '');
}

/** What the registration answers for this certificate, whatever separators the console shows in hex. */
export function expectRecordOf(record: DscRecord, identity: Identity): void {
  const { certificate } = identity;
  expect(record.fingerprintSha256.replace(/[^0-9a-f]/gi, '').toLowerCase()).toBe(fingerprintOf(identity));
  expect(serialAsHex(record.serialNumber)).toBe(serialAsHex(certificate.serialNumber));
  expect(Date.parse(record.notBefore)).toBe(certificate.notBefore.getTime());
  expect(Date.parse(record.notAfter)).toBe(certificate.notAfter.getTime());
  expect(record.keyAlgorithm).toMatch(identity.kind === 'rsa' ? /rsa/i : /ec|p-?256/i);
  const issuerCn = /CN=([^,]+)/.exec(certificate.issuer)?.[1] ?? '';
  expect(record.issuerName).toContain(issuerCn);
  expect(record.issuer).toContain(issuerCn);
  expect(record.subject).toContain(/CN=([^,]+)/.exec(certificate.subject)?.[1] ?? '');
  expect(record.replacedAt).toBeNull();
  expect(record.isDemo).toBe(false);
  const days = (certificate.notAfter.getTime() - Date.now()) / (24 * 60 * 60 * 1000);
  expect(record.daysLeft).toBeGreaterThanOrEqual(Math.floor(days) - 1);
  expect(record.daysLeft).toBeLessThanOrEqual(Math.ceil(days));
}

/** An active issuing officer of the agency, signed in: a new one per test keeps their DSCs apart. */
export async function signedInOfficer(app: TestApp, agencyId: string, name = 'Ravi Kulkarni') {
  const user = await addUser(app.db, 'issuing-officer', { agencyId, name });
  const client = app.client();
  expect((await client.signIn(user.email, user.password)).status).toBe(200);
  return { ...user, name, client };
}

const countDscRows = async (app: TestApp) => Number((await app.db.selectFrom('officer_dscs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** The attempt is answered with this problem, and the officer's DSCs are as they were: nothing registered, nothing replaced. */
export async function expectRefusal(app: TestApp, client: TestClient, attempt: () => Promise<Response>, status: number | number[], code: string): Promise<Problem> {
  const before = await dscOverview(client);
  const rows = await countDscRows(app);
  const problem = await expectProblem(await attempt(), status, code);
  expect(await dscOverview(client)).toEqual(before);
  expect(await countDscRows(app)).toBe(rows);
  return problem;
}
