import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackgroundJobSchema } from '@ecoo/shared/images/schemas';
import { RegistrationReceiptSchema } from '@ecoo/shared/registrations/schemas';
import { addAgency, signedInAs, startTestApp, type TestApp } from '../testing/test-app.ts';
import type { TestClient } from '../testing/test-client.ts';
import { devPicture } from '../testing/pictures.ts';
import { newOffice, uploadStamp } from '../testing/image-jobs.ts';
import { letterForm, pdfLetter } from '../testing/letters.ts';

// Issue 13, fault 9: an uploaded file's name is read as the UTF-8 the browser sends, loses the bidi
// controls that would make it read backwards where it is shown, and is sent back per RFC 6266.
let app: TestApp;
let admin: TestClient;
let officeId: string;
let agency: Awaited<ReturnType<typeof addAgency>>;
beforeAll(async () => {
  app = await startTestApp();
  agency = await addAgency(app.db, { emailDomains: ['mpeda.gov.in'] });
  admin = (await signedInAs(app, 'agency-admin', agency.id)).client;
  officeId = await newOffice(admin);
});
afterAll(() => app.stop());

async function stampNamed(name: string): Promise<string> {
  const response = await uploadStamp(admin, officeId, devPicture('d009-round-scan'), name);
  expect(response.status).toBe(202);
  return BackgroundJobSchema.parse(await response.json()).fileName;
}

async function registerWithLetter(name: string): Promise<string> {
  const fields = { registerAs: 'coo-authorized-agency', agencyId: agency.id, role: 'administrator', name: 'Meera Nair', mobile: '9847012345', email: `letter.${Date.now()}@mpeda.gov.in` };
  const response = await app.client().upload('/api/registrations', letterForm(fields, { bytes: await pdfLetter(), name, type: 'application/pdf' }));
  expect(response.status).toBe(201);
  return RegistrationReceiptSchema.parse(await response.json()).id;
}

describe('uploaded file names (issue 13, fault 9)', () => {
  it('a UTF-8 name, as browsers send it in the multipart header, is stored as written, not read as Latin-1', async () => {
    expect(await stampNamed('मुहर-मुंबई.png')).toBe('मुहर-मुंबई.png');
    expect(await stampNamed('Stempel für Köln.jpg')).toBe('Stempel für Köln.jpg');
  });

  it('bidi controls (U+202E and the isolates) are taken out, so "stamp‮gnp.exe" cannot pass for stampexe.png', async () => {
    expect(await stampNamed('stamp\u202Egnp.exe')).toBe('stampgnp.exe');
    expect(await stampNamed('\u2066a\u2067b\u2068c\u2069\u202Ad\u202Be\u202Cf\u200Fg.png')).toBe('abcdefg.png');
  });

  it("the letter goes back with RFC 6266's filename* in UTF-8 and an ASCII fallback, instead of underscores alone", async () => {
    const id = await registerWithLetter("प्राधिकार पत्र (मुंबई) 100% o'k.pdf");
    const reviewer = (await signedInAs(app, 'dgft-reviewer')).client;
    const response = await reviewer.get(`/api/registrations/${id}/letter`);
    expect(response.status).toBe(200);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe("प्राधिकार पत्र (मुंबई) 100% o'k.pdf");
    // The fallback keeps what ASCII can say of the name.
    expect(/filename="([^"]*)"/.exec(disposition)?.[1]).toBe("_ _ (_) 100% o'k.pdf");
  });
});
