import { http, HttpResponse } from 'msw';
import { DscChallengeSchema, DscOverviewSchema, DscRecordSchema, DscRegistrationSchema, ExpiringDscListSchema, type DscRecord } from '@ecoo/shared/dsc/schemas';
import { readMultipart } from '../multipart';
import { csrfProblem, lacksCsrfToken, parseBody, problemResponse } from '../problem-response';
import { activeOfficer, deactivatedOfficer, officerChangedAt, officerFixtures } from './officers';

/** The one challenge the mock BFF issues; a registration with any other is refused as the BFF would. */
export const dscChallenge = DscChallengeSchema.parse({
  challenge: 'eCoO-DSC-challenge:ZVyS7ImDqat9-UWIkAw0lorUPjyl2A-VN-slphNsQmw',
  issuedAt: officerChangedAt,
  expiresAt: '2026-06-02T06:40:00.000Z',
});

const class3 = { classes: ['class-3'], policies: ['2.16.356.100.2.3', '2.16.356.100.1.1'] };

/** Priya Nair's DSC on her token: 21 days left, as her officer fixture's `dsc` says. */
export const activeDsc = DscRecordSchema.parse({
  id: 'd5c1a2b3-4c5d-4e6f-8a7b-9c0d1e2f3a01',
  holderName: 'PRIYA NAIR',
  subject: 'CN=PRIYA NAIR, O=EXPORT INSPECTION AGENCY MUMBAI, ST=Maharashtra, C=IN',
  issuer: 'CN=Capricorn Sub CA for Individual DSC 2022, OU=Certifying Authority, O=Capricorn Identity Services Pvt Ltd., C=IN',
  issuerName: 'Capricorn Sub CA for Individual DSC 2022',
  ...class3,
  serialNumber: '4A:1F:7C:22:90:0B:3E:51',
  notBefore: '2024-06-24T06:30:00.000Z',
  notAfter: activeOfficer.dsc.notAfter,
  fingerprintSha256: '3F:9A:12:C4:77:E0:5B:8D:21:6C:AF:04:D9:13:88:5E:70:B2:4A:C1:9E:33:0D:F6:58:A7:12:EC:49:B0:6D:2F',
  keyAlgorithm: 'RSA 2048',
  registeredAt: '2024-06-25T05:00:00.000Z',
  replacedAt: null,
  isDemo: false,
  holderDiffersFromOfficer: false,
  daysLeft: activeOfficer.dsc.daysLeft,
});

/** The DSC hers replaced. */
export const replacedDsc = DscRecordSchema.parse({
  ...activeDsc,
  id: 'd5c1a2b3-4c5d-4e6f-8a7b-9c0d1e2f3a02',
  serialNumber: '19:E2:04:6B:D8:71',
  notBefore: '2022-06-20T06:30:00.000Z',
  notAfter: '2024-06-19T18:29:59.000Z',
  fingerprintSha256: 'A1:0E:5C:93:2B:F7:66:D4:08:C1:3A:9F:E5:72:1D:B8:44:06:CE:91:5A:27:F3:8B:60:DA:19:C5:7E:02:B4:38',
  registeredAt: '2022-06-21T05:00:00.000Z',
  replacedAt: activeDsc.registeredAt,
  daysLeft: -713,
});

/** What a registration answers: a demo DSC valid two years. */
export const registeredDsc = DscRecordSchema.parse({
  ...activeDsc,
  id: 'd5c1a2b3-4c5d-4e6f-8a7b-9c0d1e2f3a03',
  issuer: 'CN=eCoO Demo Sub CA for DSC, O=eCoO demo data, C=IN',
  issuerName: 'eCoO Demo Sub CA for DSC',
  serialNumber: '7D:30:AA:01:5E:C9:42:08',
  notBefore: officerChangedAt,
  notAfter: '2028-06-01T18:29:59.000Z',
  fingerprintSha256: '5E:71:0B:C2:94:3D:A8:16:EF:20:7C:D5:39:84:B1:6A:02:FE:C3:57:9D:48:21:B0:E6:7A:13:95:CC:0F:62:D4',
  keyAlgorithm: 'ECDSA P-256',
  registeredAt: officerChangedAt,
  isDemo: true,
  daysLeft: 730,
});

/** Suresh Menon's, expired 13 days ago, as his officer fixture's `dsc` says. */
const expiredDsc = DscRecordSchema.parse({
  ...activeDsc,
  id: 'd5c1a2b3-4c5d-4e6f-8a7b-9c0d1e2f3a04',
  holderName: 'SURESH MENON',
  subject: 'CN=SURESH MENON, O=EXPORT INSPECTION AGENCY MUMBAI, ST=Kerala, C=IN',
  serialNumber: '62:0C:B9:4E:17',
  notBefore: '2024-05-21T06:30:00.000Z',
  notAfter: deactivatedOfficer.dsc.notAfter,
  daysLeft: deactivatedOfficer.dsc.daysLeft,
});

/** Every DSC of the fixtures, for tests that tell fixture text from catalogue text. */
export const dscFixtures = [activeDsc, replacedDsc, registeredDsc, expiredDsc];

const activeDscs = new Map<string, DscRecord>([
  [activeOfficer.id, activeDsc],
  [deactivatedOfficer.id, expiredDsc],
]);

/** An officer's overview as both GET endpoints answer it; Priya's carries the DSC hers replaced. */
export function dscOverviewOf(officer: { id: string; name: string }, active: DscRecord | null = activeDscs.get(officer.id) ?? null) {
  return DscOverviewSchema.parse({ officer: { id: officer.id, name: officer.name }, active, history: officer.id === activeOfficer.id ? [replacedDsc] : [] });
}

/** Active officers whose DSC expires within 30 days: Priya's. */
export const expiringDscs = ExpiringDscListSchema.parse({
  items: [{ officerId: activeOfficer.id, officerName: activeOfficer.name, holderName: activeDsc.holderName, notAfter: activeDsc.notAfter, daysLeft: activeDsc.daysLeft }],
});

export const dscHandlers = [
  http.post('/api/me/dsc/challenges', ({ request }) => (lacksCsrfToken(request) ? csrfProblem() : HttpResponse.json(dscChallenge, { status: 201 }))),
  http.post('/api/me/dsc', async ({ request }) => {
    if (lacksCsrfToken(request)) return csrfProblem();
    const parts = await readMultipart(request);
    const challenge = parts.find((part) => part.name === 'challenge');
    const body = parseBody(DscRegistrationSchema, { challenge: challenge && 'value' in challenge ? challenge.value : undefined });
    if ('response' in body) return body.response;
    if (body.data.challenge !== dscChallenge.challenge) return problemResponse(409, 'problem.dsc.challengeUnknown');
    if (!parts.some((part) => part.name === 'signature' && 'file' in part)) return problemResponse(422, 'problem.dsc.signatureMissing');
    return HttpResponse.json(registeredDsc, { status: 201 });
  }),
  http.get('/api/me/dsc', () => HttpResponse.json(dscOverviewOf(activeOfficer))),
  http.get('/api/officers/:userId/dsc', ({ params }) => {
    const officer = officerFixtures.find((candidate) => candidate.id === params.userId);
    return officer ? HttpResponse.json(dscOverviewOf(officer)) : problemResponse(404, 'problem.officerNotFound', { id: String(params.userId) });
  }),
  http.get('/api/dsc/expiring', () => HttpResponse.json(expiringDscs)),
];
