import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RegisterQuerySchema, type RegisterQuery } from '@ecoo/shared/specimen-register/schemas';
import { formatInstant } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { activeOfficer } from '../../../testing/handlers/officers';
import { kochiOffice, mumbaiOffice } from '../../../testing/handlers/offices';
import { mumbaiRegister, registerToken } from '../../../testing/handlers/specimen-register';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

/** What the page asked the BFF for, parsed with the shared schema. */
function recordQueries(): RegisterQuery[] {
  const queries: RegisterQuery[] = [];
  server.use(http.get('/api/register/:token', ({ request }) => void queries.push(RegisterQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams)))));
  return queries;
}

const entryUrl = `/register/${registerToken}?office=${mumbaiOffice.id}&officer=${activeOfficer.id}&date=2026-03-12`;

describe('the specimen register (signed out)', () => {
  it("opened from a certificate's QR, shows that office's stamps and that officer's signature in use on its date first, then the others and the history; axe finds nothing", async () => {
    const queries = recordQueries();
    renderApp(entryUrl);
    await screen.findByRole('heading', { level: 1, name: 'Specimen register' }, { timeout: 3000 });
    const entry = within(await screen.findByRole('region', { name: 'The stamp and signature of the certificate you scanned' }));

    expect(queries).toEqual([{ date: '2026-03-12' }]);
    expect(screen.getByText(`Issuing agency: ${mumbaiRegister.agency.name} (${mumbaiRegister.agency.code})`)).toBeInTheDocument();
    // The stamp was replaced on that day: both versions, each with its times.
    const stamps = entry.getAllByRole('img', { name: /^Stamp of EIA Mumbai Head Office/ });
    expect(stamps.map((image) => image.getAttribute('alt'))).toEqual(['Stamp of EIA Mumbai Head Office, version 2', 'Stamp of EIA Mumbai Head Office, version 1']);
    expect(stamps[0]).toHaveAttribute('src', `/api/register/${registerToken}/images/b1c2d3e4-0000-4000-8000-000000000002/preview`);
    expect(entry.getByText(`From ${formatInstant('2026-01-05T05:00:00.000Z')}`)).toBeInTheDocument();
    expect(entry.getByText(`until ${formatInstant('2026-03-12T08:00:00.000Z')}`)).toBeInTheDocument();
    expect(entry.getByRole('img', { name: `Signature of ${activeOfficer.name}, version 1` })).toBeInTheDocument();
    expect(entry.queryByRole('img', { name: /EIA Kochi/ })).not.toBeInTheDocument();

    const onDate = within(screen.getByRole('region', { name: 'In use on 12 Mar 2026' }));
    expect(onDate.getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      `${mumbaiOffice.name} (${mumbaiOffice.code}), ${mumbaiOffice.city}`,
      `${kochiOffice.name} (${kochiOffice.code}), ${kochiOffice.city}`,
      `${activeOfficer.name}, Deputy Director`,
    ]);
    const history = within(screen.getByRole('region', { name: 'Full history' }));
    expect(history.getByText('Use ended: the officer was deactivated.')).toBeInTheDocument();
    expect(history.getByText('Use ended: the office was deactivated.')).toBeInTheDocument();
    expect(history.getByText('In use again from this time: the office was reactivated.')).toBeInTheDocument();
    expect(history.getAllByRole('img', { name: 'Stamp of EIA Kochi Sub-Office, version 1' })[0]).toHaveAttribute('src', expect.stringMatching(/\/list$/));
    expect(await axeViolations()).toEqual([]);
  });

  it('asks for another date from the keyboard: the address and the request carry it, the office and officer stay', async () => {
    const queries = recordQueries();
    const { user, router } = renderApp(entryUrl);
    const field = await screen.findByLabelText('Date printed on the certificate', {}, { timeout: 3000 });
    expect(field).toHaveValue('2026-03-12');

    await user.clear(field);
    await user.type(field, '2026-03-20{Enter}');

    await expect.poll(() => router.state.location.search).toBe(`?office=${mumbaiOffice.id}&officer=${activeOfficer.id}&date=2026-03-20`);
    expect(await screen.findByRole('region', { name: 'In use on 20 Mar 2026' })).toBeInTheDocument();
    expect(queries.at(-1)).toEqual({ date: '2026-03-20' });
  });

  it('a cleared or malformed date is refused beside the field: nothing is asked and the address keeps its date', async () => {
    const queries = recordQueries();
    const { user, router } = renderApp(entryUrl);
    const field = await screen.findByLabelText('Date printed on the certificate', {}, { timeout: 3000 });
    await screen.findByRole('region', { name: 'In use on 12 Mar 2026' });
    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Show' }));

    expect(await screen.findByText('Enter the date as printed on the certificate, for example 2026-03-12.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toMatch(/register-date/);
    expect(router.state.location.search).toBe(`?office=${mumbaiOffice.id}&officer=${activeOfficer.id}&date=2026-03-12`);
    expect(queries).toEqual([{ date: '2026-03-12' }]);
    expect(screen.getByRole('region', { name: 'In use on 12 Mar 2026' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('a malformed date in the address is said, not silently replaced by today', async () => {
    const queries = recordQueries();
    renderApp(`/register/${registerToken}?date=2026-02-30`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('The date in this address is not a valid date, so today’s date is shown.');
    await expect.poll(() => queries).toEqual([{ date: today }]);
  });

  it("without a date in the address, asks for today's date in India", async () => {
    const queries = recordQueries();
    renderApp(`/register/${registerToken}`);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    expect(await screen.findByLabelText('Date printed on the certificate', {}, { timeout: 3000 })).toHaveValue(today);
    await expect.poll(() => queries).toEqual([{ date: today }]);
    expect(screen.queryByRole('region', { name: 'The stamp and signature of the certificate you scanned' })).not.toBeInTheDocument();
  });

  it('a revoked or unknown link says it is not valid and whom to ask; axe finds nothing', async () => {
    renderApp('/register/no-such-token?date=2026-03-12');

    expect(await screen.findByRole('heading', { level: 1, name: 'This register link is not valid' }, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('The link may have been revoked, or copied incompletely. Ask the issuing agency for its current specimen register link.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Date printed on the certificate')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});
