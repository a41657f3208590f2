import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DscChallengeSchema, type DscClass } from '@ecoo/shared/dsc/schemas';
import { addAgency, startTestApp, type TestApp } from '../testing/test-app.ts';
import {
  ccaPolicy,
  expectRecord,
  expectRecordOf,
  expectRefusal,
  makeLeaf,
  makeTestPki,
  registerDsc,
  signCms,
  signedInOfficer,
  uploadDsc,
  writeTrustFolders,
  type TestPki,
} from '../testing/test-pki.ts';

/**
 * What DSC_ACCEPT_CLASS2 and DSC_ACCEPT_DOCUMENT_SIGNER open, each on its own and nothing more,
 * and a console with no trusted roots. The defaults are in dsc-registration.test.ts.
 */

let pki: TestPki;
const apps: TestApp[] = [];

beforeAll(async () => {
  pki = await makeTestPki();
});
afterAll(() => Promise.all(apps.map((app) => app.stop())));

/** A console with these settings, an agency, and a way to make its signed-in officers. */
async function consoleWith(env: Record<string, string>) {
  const app = await startTestApp({ env });
  apps.push(app);
  const agencyId = (await addAgency(app.db)).id;
  return { app, officer: () => signedInOfficer(app, agencyId) };
}

const dscUnder = (policies: string[]) => makeLeaf({ issuer: pki.root, kind: 'ec', policies });

const settings: Array<{ flag: string; accepted: string; asClass: DscClass; refused: Array<[string, string[], string]> }> = [
  {
    flag: 'DSC_ACCEPT_CLASS2',
    accepted: ccaPolicy.class2,
    asClass: 'class-2',
    refused: [
      ['Class 1', [ccaPolicy.class1], 'problem.dsc.class1'],
      ['a document signer', [ccaPolicy.documentSigner], 'problem.dsc.policyNotAccepted'],
      ['a policy that only begins with the Class 2 one', ['2.16.356.100.2.21'], 'problem.dsc.policyNotAccepted'],
      ['a policy below the Class 2 one', ['2.16.356.100.2.2.1'], 'problem.dsc.policyNotAccepted'],
    ],
  },
  {
    flag: 'DSC_ACCEPT_DOCUMENT_SIGNER',
    accepted: ccaPolicy.documentSigner,
    asClass: 'document-signer',
    refused: [
      ['Class 2', [ccaPolicy.class2], 'problem.dsc.class2NotAccepted'],
      ['Class 1', [ccaPolicy.class1], 'problem.dsc.class1'],
      ['a policy below the document signer one', ['2.16.356.100.10.1.1'], 'problem.dsc.policyNotAccepted'],
    ],
  },
];

describe.each(settings)('with $flag=true', ({ flag, accepted, asClass, refused }) => {
  let setup: Awaited<ReturnType<typeof consoleWith>>;
  beforeAll(async () => {
    setup = await consoleWith({ ...writeTrustFolders({ roots: [pki.root] }).env, [flag]: 'true' });
  });

  it(`registers a DSC under ${accepted} as ${asClass}`, async () => {
    const { client } = await setup.officer();
    const dsc = await dscUnder([accepted]);
    const record = await expectRecord(await registerDsc(client, dsc));
    expectRecordOf(record, dsc);
    expect(record).toMatchObject({ classes: [asClass], policies: [accepted] });
  });

  it('still registers Class 3 as Class 3', async () => {
    const { client } = await setup.officer();
    expect((await expectRecord(await registerDsc(client, await dscUnder([ccaPolicy.class3])))).classes).toEqual(['class-3']);
  });

  it.each(refused)('still refuses %s', async (_, policies, code) => {
    const { client } = await setup.officer();
    const dsc = await dscUnder(policies);
    await expectRefusal(setup.app, client, () => registerDsc(client, dsc), 422, code);
  });
});

describe('with no trusted roots configured', () => {
  it('checks no DSC, and says why', async () => {
    const setup = await consoleWith({});
    const { client } = await setup.officer();
    const dsc = await dscUnder([ccaPolicy.class3]);
    // Refused when the challenge is asked for, or at the latest when the signature is checked.
    await expectRefusal(
      setup.app,
      client,
      async () => {
        const asked = await client.post('/api/me/dsc/challenges');
        if (asked.status !== 201) return asked;
        const { challenge } = DscChallengeSchema.parse(await asked.json());
        return uploadDsc(client, { challenge, signature: await signCms(challenge, dsc) });
      },
      [422, 503],
      'problem.dsc.noTrustRoots',
    );
  });
});
