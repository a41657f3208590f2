import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SpecimenChoicesSchema, SpecimenRequestSchema, type SpecimenCertificate } from '@ecoo/shared/specimens/schemas';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { formatDate } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { activeOfficer, deactivatedOfficer } from '../../../testing/handlers/officers';
import { delhiOffice, kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { doneSpecimen, queuedSpecimen, revokedLinkSpecimen, specimenChoices, specimenList } from '../../../testing/handlers/specimens';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const mumbaiName = `${mumbaiOffice.name} (${mumbaiOffice.code})`;

async function openPage() {
  const app = renderApp('/dashboard/specimens', { role: 'agency-admin' });
  await screen.findByRole('heading', { level: 1, name: 'Specimen certificate' }, { timeout: 3000 });
  await screen.findByRole('table', { name: 'Specimen certificates, newest first' });
  return app;
}

const listItems = (name: string) => within(screen.getByRole('list', { name })).getAllByRole('listitem').map((item) => item.textContent);

describe('Specimen certificate (administrator)', () => {
  it('offers only the offices and officers that can be chosen, says why the others cannot, and axe finds nothing', async () => {
    const { user } = await openPage();
    const office = screen.getByRole('combobox', { name: 'Office' });
    expect(within(office).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose an office', mumbaiName]);
    expect(listItems('Offices that cannot be chosen')).toEqual([`${kochiOffice.name} (${kochiOffice.code}): no accepted stamp`, `${delhiOffice.name} (${delhiOffice.code}): deactivated`]);

    await user.selectOptions(office, mumbaiName);
    const officer = screen.getByRole('combobox', { name: 'Officer' });
    expect(within(officer).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose an officer', `${activeOfficer.name}, ${activeOfficer.designation}`]);
    expect(listItems('Officers that cannot be chosen for this office')).toEqual([`${deactivatedOfficer.name}: deactivated, no accepted signature, not mapped to this office`]);
    expect(await axeViolations()).toEqual([]);
  });

  it('asks from the keyboard, then follows the state until the PDF is ready, and previews and downloads it', async () => {
    const sent: unknown[] = [];
    let asked: SpecimenCertificate | undefined;
    let reads = 0;
    server.use(
      http.post('/api/specimens', async ({ request }) => {
        sent.push(SpecimenRequestSchema.parse(await request.json()));
        asked = queuedSpecimen;
        return HttpResponse.json(queuedSpecimen, { status: 202 });
      }),
      // Queued at first, then drawn: the page asks again while it waits, and stops once it is ready.
      http.get('/api/specimens', () => {
        if (!asked) return HttpResponse.json(specimenList([doneSpecimen]));
        reads += 1;
        return HttpResponse.json(specimenList([reads < 3 ? asked : { ...asked, state: 'done', finishedAt: '2026-12-01T05:00:01.000Z', byteSize: 40_000 }, doneSpecimen]));
      }),
    );
    const { user } = await openPage();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Office' }), mumbaiName);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Officer' }), `${activeOfficer.name}, ${activeOfficer.designation}`);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Make the specimen' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText('The specimen is being made in the background; its state shows below.')).toBeInTheDocument();
    expect(sent).toEqual([{ officeId: mumbaiOffice.id, officerId: activeOfficer.id }]);
    const newDate = formatDate(queuedSpecimen.date);
    const newRow = () => screen.getAllByRole('row').find((row) => row.textContent?.includes(newDate)) as HTMLElement;
    expect(await within(await screen.findByRole('table')).findByText('Queued')).toBeInTheDocument();
    await expect.poll(() => within(newRow()).queryByText('Ready'), { timeout: 6000 }).not.toBeNull();
    const readsWhenReady = reads;

    const named = `the specimen of ${mumbaiName}, ${newDate}`;
    const download = within(newRow()).getByRole('link', { name: `Download ${named} (PDF)` });
    expect(download).toHaveAttribute('href', `/api/specimens/${queuedSpecimen.id}/pdf?disposition=attachment`);
    expect(download).toHaveAttribute('download');
    await user.click(within(newRow()).getByRole('button', { name: `Preview ${named}` }));
    const heading = screen.getByRole('heading', { level: 2, name: `Specimen of ${mumbaiName} signed by ${activeOfficer.name}, ${newDate}` });
    expect(heading).toHaveFocus();
    const preview = heading.closest('section') as HTMLElement;
    expect(within(preview).getByTitle(heading.textContent!)).toHaveAttribute('src', `/api/specimens/${queuedSpecimen.id}/pdf?disposition=inline`);
    expect(within(preview).getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', `/api/specimens/${queuedSpecimen.id}/pdf?disposition=attachment`);
    // Nothing waits any more: the list is not asked again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(reads).toBe(readsWhenReady);
    expect(await axeViolations()).toEqual([]);
  }, 20_000);

  it("puts the BFF's refusal on the officer field and asks for both choices before sending", async () => {
    const problem = fieldProblem('officerId', 'problem.specimenOfficerNotMapped', { name: activeOfficer.name, code: mumbaiOffice.code });
    server.use(http.post('/api/specimens', () => problemResponse(409, 'problem.specimenOfficerNotMapped', { name: activeOfficer.name, code: mumbaiOffice.code }, [problem])));
    const { user } = await openPage();
    await user.click(screen.getByRole('button', { name: 'Make the specimen' }));
    expect(screen.getByRole('combobox', { name: 'Office' })).toHaveAccessibleDescription('Error: Choose an office');
    expect(screen.getByRole('combobox', { name: 'Officer' })).toHaveAttribute('aria-invalid', 'true');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Office' }), mumbaiName);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Officer' }), `${activeOfficer.name}, ${activeOfficer.designation}`);
    await user.click(screen.getByRole('button', { name: 'Make the specimen' }));
    const officer = screen.getByRole('combobox', { name: 'Officer' });
    await expect.poll(() => officer.getAttribute('aria-invalid')).toBe('true');
    expect(officer).toHaveAccessibleDescription(expect.stringContaining(`${activeOfficer.name} is not mapped to the office ${mumbaiOffice.code}.`));
  });

  it('marks a specimen whose QR carries a revoked register link, and names the fields printed in Latin letters', async () => {
    server.use(http.get('/api/specimens', () => HttpResponse.json(specimenList([doneSpecimen, revokedLinkSpecimen]))));
    await openPage();
    const rowOf = (specimen: SpecimenCertificate) => screen.getAllByRole('row').find((row) => row.textContent?.includes(formatDate(specimen.date))) as HTMLElement;
    expect(within(rowOf(revokedLinkSpecimen)).getByText(/^QR code points to a revoked register link/)).toBeInTheDocument();
    expect(within(rowOf(revokedLinkSpecimen)).getByText("Printed in Latin letters, not exactly as written (the certificate's fonts have no other letters): officer's name, office address.")).toBeInTheDocument();
    expect(within(rowOf(doneSpecimen)).queryByText(/revoked register link|Printed in Latin letters/)).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('without an active register link, says to create it first instead of offering the form', async () => {
    server.use(http.get('/api/specimens/choices', () => HttpResponse.json(SpecimenChoicesSchema.parse({ ...specimenChoices, hasRegisterLink: false }))));
    await openPage();
    expect(await screen.findByText(/Your agency has no active specimen register link/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to My Dashboard' })).toHaveAttribute('href', '/dashboard');
    expect(screen.queryByRole('combobox', { name: 'Office' })).not.toBeInTheDocument();
  });
});
