import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgency, startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  KeyUsage,
  ccaPolicy,
  certificateDer,
  certificatePem,
  daysFromNow,
  dscOverview,
  expectRecord,
  expectRecordOf,
  expectRefusal,
  issueChallenge,
  makeCa,
  makeCrl,
  makeLeaf,
  makeTestPki,
  randomSerial,
  registerDsc,
  signCms,
  signWithOpenSsl,
  signedInOfficer,
  tampered,
  uploadDsc,
  writeTrustFolders,
  type Identity,
  type LeafOptions,
  type TestPki,
} from '../testing/test-pki.ts';

/**
 * Register Digital Signature Certificate: what the console checks of the certificate and of the
 * signature over the challenge. Each refusal has its own message and registers nothing.
 */

let app: TestApp;
let agencyId: string;
let pki: TestPki;
/** Under the trusted root, known to the console only from TRUST_INTERMEDIATES_DIR. */
let listedIntermediate: Identity;
const revokedByIntermediate = randomSerial();
const revokedByRoot = randomSerial();
/** Listed only by CRLs that bear the intermediate's name but are signed by another key. */
const revokedByForgery = randomSerial();

beforeAll(async () => {
  pki = await makeTestPki();
  listedIntermediate = await makeCa({ name: 'CN=Test Sub-CA B for Class 3 2026, O=Test Certifying Authority B, C=IN', issuer: pki.root });
  const trust = writeTrustFolders({
    roots: [pki.root],
    intermediates: [listedIntermediate],
    // The real CRL between two forged ones, so that neither "first file wins" nor "last file wins" passes.
    pemCrls: [
      await makeCrl({ ...pki.impostorRoot, certificate: pki.intermediate.certificate }, [{ serialNumber: revokedByForgery }]),
      await makeCrl(pki.intermediate, [{ serialNumber: revokedByIntermediate, revokedAt: new Date('2026-06-01T10:00:00Z') }]),
      await makeCrl({ ...pki.impostorRoot, certificate: pki.intermediate.certificate }, [{ serialNumber: revokedByForgery }]),
    ],
    derCrls: [await makeCrl(pki.root, [{ serialNumber: revokedByRoot }])],
  });
  app = await startTestApp({ env: trust.env });
  agencyId = (await addAgency(app.db)).id;
});
afterAll(() => app.stop());

const officer = (name?: string) => signedInOfficer(app, agencyId, name);
/** An officer whose DSC is registered already: a refusal must leave it active, and move nothing to the history. */
async function officerWithDsc() {
  const signedIn = await officer();
  await expectRecord(await registerDsc(signedIn.client, await makeLeaf({ issuer: pki.root, kind: 'ec' })));
  return signedIn;
}
const leaf = (options: LeafOptions = {}) => makeLeaf({ issuer: pki.intermediate, ...options });

describe('a valid Class 3 DSC is registered', () => {
  it('with an RSA-2048 key, under an intermediate the signature carries', async () => {
    const { client, id, name } = await officer();
    const dsc = await leaf({ kind: 'rsa' });
    const record = await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] }));
    expectRecordOf(record, dsc);
    expect(record).toMatchObject({ holderName: 'Ravi Kulkarni', classes: ['class-3'], policies: [ccaPolicy.class3], holderDiffersFromOfficer: false });
    expect(Date.now() - Date.parse(record.registeredAt)).toBeLessThan(60_000);
    expect(await dscOverview(client)).toEqual({ officer: { id, name }, active: record, history: [] });
  });

  it('with an ECDSA P-256 key, the signature sent as PEM', async () => {
    const { client } = await officer();
    const dsc = await leaf({ kind: 'ec' });
    const record = await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate], form: 'pem' }));
    expectRecordOf(record, dsc);
    expect(record.classes).toEqual(['class-3']);
    expect((await dscOverview(client)).active).toEqual(record);
  });

  it('issued directly by the trusted root', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc)), dsc);
  });

  it('under an intermediate from TRUST_INTERMEDIATES_DIR that the signature does not carry', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: listedIntermediate, kind: 'ec' });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificates: [dsc] })), dsc);
  });

  it('whose key usage is nonRepudiation alone', async () => {
    const { client } = await officer();
    const dsc = await leaf({ kind: 'ec', keyUsage: KeyUsage.nonRepudiation });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] })), dsc);
  });

  it("with the CA's own policy beside Class 3, both listed", async () => {
    const { client } = await officer();
    const dsc = await leaf({ kind: 'ec', policies: ['1.3.6.1.4.1.99999.1.2', ccaPolicy.class3] });
    const record = await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] }));
    expect(record.classes).toEqual(['class-3']);
    expect([...record.policies].sort()).toEqual(['1.3.6.1.4.1.99999.1.2', ccaPolicy.class3].sort());
  });

  it('with a Devanagari holder name, shown intact', async () => {
    const { client } = await officer('प्रिया सावंत');
    const dsc = await leaf({ kind: 'ec', commonName: 'प्रिया सावंत' });
    const record = await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] }));
    expect(record.holderName).toBe('प्रिया सावंत');
    expect(record.subject).toContain('प्रिया सावंत');
    expect(record.holderDiffersFromOfficer).toBe(false);
    const overview = await dscOverview(client);
    expect(overview.officer.name).toBe('प्रिया सावंत');
    expect(overview.active?.holderName).toBe('प्रिया सावंत');
  });

  it.each([
    ['DER', (dsc: Identity) => certificateDer(dsc)],
    ['PEM', (dsc: Identity) => Buffer.from(certificatePem(dsc))],
  ])('with the certificate uploaded separately (%s) when the signature carries none', async (_, certificateFile) => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'ec' });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificates: [], certificate: certificateFile(dsc) })), dsc);
  });

  it('picked out by the signer it names from the certificates the signature carries, whatever their order', async () => {
    const { client } = await officer();
    const dsc = await leaf({ kind: 'ec', commonName: 'Ravi Kulkarni' });
    const bystander = await leaf({ kind: 'ec', commonName: 'Bystander' });
    const record = await expectRecord(await registerDsc(client, dsc, { certificates: [pki.intermediate, bystander, dsc] }));
    expectRecordOf(record, dsc);
    expect(record.holderName).toBe('Ravi Kulkarni');
  });

  it('with the challenge pasted with spaces and a line break around it', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'ec' });
    const { challenge } = await issueChallenge(client);
    expectRecordOf(await expectRecord(await uploadDsc(client, { challenge: `  ${challenge}\r\n`, signature: await signCms(challenge, dsc) })), dsc);
  });

  it('with the certificate both carried and uploaded', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'ec' });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificate: certificateDer(dsc) })), dsc);
  });

  it.each(['rsa', 'ec'] as const)('signed with the openssl cms command officers are shown (%s key)', async (kind) => {
    const { client } = await officer();
    const dsc = await leaf({ kind });
    const record = await expectRecord(await registerDsc(client, dsc, { sign: (challenge) => signWithOpenSsl(challenge, dsc, { chain: [pki.intermediate] }) }));
    expectRecordOf(record, dsc);
  });

  it('signed by openssl cms with -outform PEM (a BEGIN CMS block)', async () => {
    const { client } = await officer();
    const dsc = await leaf({ kind: 'ec' });
    const sign = async (challenge: string) => {
      const pem = await signWithOpenSsl(challenge, dsc, { chain: [pki.intermediate], outform: 'PEM' });
      expect(pem.toString()).toContain('-----BEGIN CMS-----');
      return pem;
    };
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { sign })), dsc);
  });

  it('with the certificate uploaded as Windows exports it (PEM with CRLF line ends)', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'rsa' });
    const certificate = Buffer.from(certificatePem(dsc).replace(/\n/g, '\r\n'));
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificates: [], certificate })), dsc);
  });
});

describe('a certificate that fails a check is refused with its own message, and nothing is registered', () => {
  const cases: Array<[string, () => Promise<{ dsc: Identity; carried: Identity[] }>, string]> = [
    ['expired', async () => withChain(await leaf({ notBefore: daysFromNow(-400), notAfter: daysFromNow(-1) })), 'problem.dsc.expired'],
    ['not yet valid', async () => withChain(await leaf({ notBefore: daysFromNow(2), notAfter: daysFromNow(700) })), 'problem.dsc.notYetValid'],
    ['for encryption only (keyEncipherment)', async () => withChain(await leaf({ keyUsage: KeyUsage.keyEncipherment })), 'problem.dsc.keyUsage'],
    ['Class 1', async () => withChain(await leaf({ policies: [ccaPolicy.class1] })), 'problem.dsc.class1'],
    ['Class 2, not accepted here', async () => withChain(await leaf({ policies: [ccaPolicy.class2] })), 'problem.dsc.class2NotAccepted'],
    ['a document signer, not accepted here', async () => withChain(await leaf({ policies: [ccaPolicy.documentSigner] })), 'problem.dsc.policyNotAccepted'],
    ['under a policy that only begins with the Class 3 one (2.16.356.100.2.31)', async () => withChain(await leaf({ policies: ['2.16.356.100.2.31'] })), 'problem.dsc.policyNotAccepted'],
    ['under a policy below the Class 3 one (2.16.356.100.2.3.5)', async () => withChain(await leaf({ policies: ['2.16.356.100.2.3.5'] })), 'problem.dsc.policyNotAccepted'],
    ['under no policy at all', async () => withChain(await leaf({ policies: [] })), 'problem.dsc.policyNotAccepted'],
    ['self-signed', async () => only(await makeLeaf({ selfSigned: true })), 'problem.dsc.selfSigned'],
    ['issued by an untrusted root, carried in the signature', async () => ({ dsc: await makeLeaf({ issuer: pki.strangerRoot }), carried: [pki.strangerRoot] }), 'problem.dsc.untrustedChain'],
    [
      "issued by an untrusted root bearing the trusted root's name, carried in the signature",
      async () => ({ dsc: await makeLeaf({ issuer: pki.impostorRoot }), carried: [pki.impostorRoot] }),
      'problem.dsc.untrustedChain',
    ],
    ["issued by an untrusted root bearing the trusted root's name, not carried", async () => only(await makeLeaf({ issuer: pki.impostorRoot })), 'problem.dsc.untrustedChain'],
    [
      "under an intermediate bearing the real one's name, issued by the impostor root",
      async () => {
        const impostor = await makeCa({ name: pki.intermediate.certificate.subject, issuer: pki.impostorRoot });
        return { dsc: await makeLeaf({ issuer: impostor }), carried: [impostor] };
      },
      'problem.dsc.untrustedChain',
    ],
    ['under an intermediate neither carried nor listed', async () => only(await leaf()), 'problem.dsc.untrustedChain'],
    ['revoked by its CA (PEM CRL)', async () => withChain(await leaf({ serialNumber: revokedByIntermediate })), 'problem.dsc.revoked'],
    [
      'under an expired intermediate',
      async () => {
        const expired = await makeCa({ name: 'CN=Expired Sub-CA 2023, O=Test Certifying Authority, C=IN', issuer: pki.root, notBefore: daysFromNow(-800), notAfter: daysFromNow(-1) });
        return { dsc: await makeLeaf({ issuer: expired, notAfter: daysFromNow(300) }), carried: [expired] };
      },
      'problem.dsc.issuerNotValid',
    ],
    [
      'issued by another DSC, which may not issue certificates',
      async () => {
        const notACa = await makeLeaf({ issuer: pki.root, commonName: 'Not A CA' });
        return { dsc: await makeLeaf({ issuer: notACa }), carried: [notACa] };
      },
      'problem.dsc.issuerNotValid',
    ],
    ['revoked by the root (DER CRL)', async () => only(await makeLeaf({ issuer: pki.root, serialNumber: revokedByRoot })), 'problem.dsc.revoked'],
  ];
  const withChain = (dsc: Identity) => ({ dsc, carried: [pki.intermediate] });
  const only = (dsc: Identity) => ({ dsc, carried: [] });

  it.each(cases)('%s', async (_, make, code) => {
    const { client } = await officerWithDsc();
    const { dsc, carried } = await make();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [dsc, ...carried] }), 422, code);
  });

  it('still refuses the impostor-issued DSC when it is uploaded separately', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.impostorRoot, kind: 'ec' });
    expect(dsc.certificate.issuer).toBe(pki.root.certificate.subject);
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [], certificate: certificateDer(dsc) }), 422, 'problem.dsc.untrustedChain');
  });

  it('is not revoked by a CRL that bears its CA\'s name but not its signature', async () => {
    const { client } = await officer();
    const dsc = await leaf({ serialNumber: revokedByForgery, kind: 'ec' });
    expectRecordOf(await expectRecord(await registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] })), dsc);
  });

  it('names the date a DSC was revoked', async () => {
    const { client } = await officer();
    const dsc = await leaf({ serialNumber: revokedByIntermediate });
    const problem = await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [dsc, pki.intermediate] }), 422, 'problem.dsc.revoked');
    expect(problem.detail).toMatch(/2026|1 Jun|June|01[-/.]06/);
  });

  it('refuses, without storing it, a certificate file that is no certificate', async () => {
    const { client } = await officer();
    const dsc = await makeLeaf({ issuer: pki.root, kind: 'ec' });
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [], certificate: Buffer.from('this is not a certificate\n') }), 422, 'problem.dsc.certificateUnreadable');
  });
});

describe('a signature that does not prove the key is refused, and nothing is registered', () => {
  let dsc: Identity;
  let other: Identity;
  beforeAll(async () => {
    dsc = await makeLeaf({ issuer: pki.root, kind: 'ec' });
    other = await makeLeaf({ issuer: pki.root, kind: 'ec', commonName: 'Someone Else' });
  });

  it('made with another key than the certificate it names', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, other, { namedSigner: dsc, certificates: [dsc] }), 422, 'problem.dsc.signatureByOtherKey');
  });

  it('made with another key than the certificate uploaded beside it (RSA)', async () => {
    const { client } = await officer();
    const rsa = await makeLeaf({ issuer: pki.root, kind: 'rsa' });
    const rsaOther = await makeLeaf({ issuer: pki.root, kind: 'rsa' });
    await expectRefusal(app, client, () => registerDsc(client, rsaOther, { namedSigner: rsa, certificates: [], certificate: certificateDer(rsa) }), 422, 'problem.dsc.signatureByOtherKey');
  });

  it('whose signature value was altered', async () => {
    const { client } = await officerWithDsc();
    const rsa = await makeLeaf({ issuer: pki.root, kind: 'rsa' });
    await expectRefusal(app, client, () => registerDsc(client, dsc, { sign: async (challenge) => tampered(await signCms(challenge, dsc)) }), 422, 'problem.dsc.signatureByOtherKey');
    await expectRefusal(app, client, () => registerDsc(client, rsa, { sign: async (challenge) => tampered(await signCms(challenge, rsa)) }), 422, 'problem.dsc.signatureByOtherKey');
  });

  it('over the challenge with a line break after it', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { sign: (challenge) => signCms(`${challenge}\n`, dsc) }), 422, 'problem.dsc.signedOtherBytes');
  });

  it('over an earlier challenge of the same officer', async () => {
    const { client } = await officer();
    const earlier = await issueChallenge(client);
    await expectRefusal(app, client, () => registerDsc(client, dsc, { sign: () => signCms(earlier.challenge, dsc) }), 422, 'problem.dsc.signedOtherBytes');
  });

  it('carrying other bytes inside it (openssl -nodetach), as a signature made for something else would', async () => {
    const { client } = await officer();
    const rsa = await makeLeaf({ issuer: pki.root, kind: 'rsa' });
    await expectRefusal(app, client, () => registerDsc(client, rsa, { sign: () => signWithOpenSsl('Invoice 42, signed last year', rsa, { flags: ['-nodetach'] }) }), 422, 'problem.dsc.signedOtherBytes');
  });

  it('carrying no certificate, with none uploaded', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [] }), 422, 'problem.dsc.certificateMissing');
  });

  it('by another certificate than the one uploaded', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { certificates: [], certificate: certificateDer(other) }), 422, 'problem.dsc.certificateNotSigner');
  });

  it('with two signers', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { coSigners: [other] }), 422, 'problem.dsc.signatureSignerCount');
  });

  it('with the SHA-1 digest', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { hash: 'SHA-1' }), 422, 'problem.dsc.weakDigest');
  });

  it('that is no CMS signature', async () => {
    const { client } = await officer();
    await expectRefusal(app, client, () => registerDsc(client, dsc, { sign: async () => Buffer.from('-----BEGIN PKCS7-----\nbm90IGEgc2lnbmF0dXJl\n-----END PKCS7-----\n') }), 422, 'problem.dsc.signatureUnreadable');
  });

  it.each<[string, { signature?: Buffer; certificate?: Buffer }]>([
    ['a signature over 64 KiB', { signature: Buffer.alloc(64 * 1024 + 1, 0x30) }],
    ['a certificate over 16 KiB', { certificate: Buffer.alloc(16 * 1024 + 1, 0x30) }],
  ])('that comes with %s: 413', async (_, files) => {
    const { client } = await officerWithDsc();
    const { challenge } = await issueChallenge(client);
    const signature = files.signature ?? (await signCms(challenge, dsc, { certificates: [] }));
    await expectRefusal(app, client, () => uploadDsc(client, { challenge, signature, certificate: files.certificate }), 413, 'problem.dsc.fileTooLarge');
  });

  it('that is missing', async () => {
    const { client } = await officer();
    const { challenge } = await issueChallenge(client);
    await expectRefusal(app, client, () => uploadDsc(client, { challenge, certificate: certificateDer(dsc) }), [400, 422], 'problem.dsc.signatureMissing');
  });
});
