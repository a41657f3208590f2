import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '@ecoo/shared/http/endpoint';
import { indianStates } from '@ecoo/shared/offices/indian-states';
import { formatDate, formatInstant } from '../lib/i18n';
import { administratorFixtures } from '../testing/handlers/administrators';
import { agencyFixtures, eiaMumbai } from '../testing/handlers/agencies';
import { dscFixtures } from '../testing/handlers/dsc';
import { activeOfficer, officerFixtures, pendingOfficer, pendingOfficerHistory } from '../testing/handlers/officers';
import { mumbaiAudit, mumbaiOffice, officeFixtures } from '../testing/handlers/offices';
import { hi } from '@ecoo/shared/i18n/hi';
import { answerInLanguage, sessionUsers } from '../testing/handlers/accounts';
import { meeraNair, validConfirmationToken } from '../testing/handlers/registrations';
import { readinessRows } from '../testing/handlers/readiness';
import { auditEntries } from '../testing/handlers/audit';
import { mumbaiRegister, registerToken } from '../testing/handlers/specimen-register';
import { specimenChoices, specimenFixtures } from '../testing/handlers/specimens';
import { axeViolations } from '../testing/axe';
import { textOutsideCatalogue } from '../testing/catalogue-text';
import { renderApp } from '../testing/render-app';

interface PageCase {
  url: string;
  role?: Role;
  heading: string;
  /** Text that comes from the fixtures, not the catalogue. */
  data?: string[];
  /** Text that shows once the page's later requests have answered: one, or one for each. */
  settled?: string | readonly string[];
}

/** The page's URL, and the role when one page shows differently by role (My Dashboard). */
const nameOf = ({ url, role }: PageCase) => (role ? `${url} as ${role}` : url);

async function openPage({ url, role, heading, settled = [] }: PageCase) {
  const app = renderApp(url, { role });
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 3000 });
  for (const text of [settled].flat()) await screen.findByText(text);
  // The navigation settles once health has answered.
  await screen.findByRole('link', { name: 'Mail outbox (development)' });
  return app;
}

const officeData = () => [
  ...officeFixtures.flatMap((office) => Object.values(office).filter((value): value is string => typeof value === 'string')),
  ...officeFixtures.flatMap((office) => (office.eWalletChangedAt ? [formatInstant(office.eWalletChangedAt)] : [])),
  ...mumbaiAudit.entries.map((entry) => formatInstant(entry.at)),
];
const stateNames = () => indianStates.map((state) => state.name);
const officerData = () => [
  ...officerFixtures.flatMap((officer) => [officer.name, officer.email, officer.designation, officer.mobile, formatInstant(officer.requestedAt)]),
  ...officerFixtures.flatMap((officer) => [...officer.offices, ...(officer.requestedOffice ? [officer.requestedOffice] : [])].flatMap((office) => [office.name, office.code])),
  ...officerFixtures.flatMap((officer) => (officer.decidedAt ? [formatInstant(officer.decidedAt)] : [])),
  ...officeFixtures.map((office) => office.name),
  ...pendingOfficerHistory.entries.map((entry) => formatInstant(entry.at)),
  eiaMumbai.name,
];
const dscData = () => [
  ...dscFixtures.flatMap((record) => [record.holderName, record.subject, record.issuerName, record.serialNumber, record.fingerprintSha256, record.keyAlgorithm, ...record.policies]),
  ...dscFixtures.flatMap((record) => [record.notBefore, record.notAfter, record.registeredAt, ...(record.replacedAt ? [record.replacedAt] : [])]).map(formatInstant),
  ...dscFixtures.map((record) => String(record.daysLeft)),
];
const administratorData = () => [
  ...administratorFixtures.flatMap((administrator) => [administrator.name, administrator.email, formatInstant(administrator.createdAt)]),
  ...agencyFixtures.map((agency) => agency.name),
];

const readinessData = () => [...readinessRows.flatMap((row) => [row.agency.name, ...(row.office ? [row.office.name, row.office.code] : [])]), ...agencyFixtures.map((agency) => agency.name)];

const auditData = () => [
  ...auditEntries.flatMap((entry) => [formatInstant(entry.at), entry.agency?.name ?? '', entry.officer?.name ?? '', entry.actor?.name ?? '', JSON.stringify(entry.event.details)]),
  ...auditEntries.flatMap((entry) => (entry.office ? [entry.office.name, entry.office.code] : [])),
  ...agencyFixtures.map((agency) => agency.name),
];

const specimenData = () => [
  ...specimenChoices.offices.flatMap((office) => [office.name, office.code]),
  ...specimenChoices.officers.flatMap((officer) => [officer.name, officer.designation]),
  ...specimenFixtures.flatMap((specimen) => [formatInstant(specimen.requestedAt), formatDate(specimen.date), specimen.office.name, specimen.office.code, specimen.officer.name]),
];

const registerData = () => [
  `${window.location.origin}/register/${registerToken}`,
  mumbaiRegister.agency.name,
  mumbaiRegister.agency.code,
  ...mumbaiRegister.offices.flatMap((office) => [office.name, office.code, office.city, ...office.stamps.flatMap((period) => [period.from, ...(period.until ? [period.until] : [])]).map(formatInstant)]),
  ...mumbaiRegister.officers.flatMap((officer) => [officer.name, officer.designation, ...officer.signatures.flatMap((period) => [period.from, ...(period.until ? [period.until] : [])]).map(formatInstant)]),
];

const pages: PageCase[] = [
  { url: '/', heading: 'Welcome to the eCoO 2.0 Agency Console' },
  { url: '/register', heading: 'Register', data: agencyFixtures.map((agency) => agency.name) },
  { url: '/sign-in', heading: 'Sign in' },
  { url: '/forgot-password', heading: 'Reset your password' },
  { url: '/set-password#token=set-password-token-0123456789abcdef', heading: 'Set your password' },
  { url: `/register/confirm#token=${validConfirmationToken}`, heading: 'Confirm your email', settled: 'Email confirmed' },
  { url: '/dashboard', role: 'agency-admin', heading: 'My Dashboard', data: [...officerData(), ...readinessData()], settled: ['Digital Signature Certificates expiring', '1 of 2 active offices ready to issue'] },
  { url: '/dashboard/offices', role: 'agency-admin', heading: 'Office Management', data: officeData(), settled: 'Offices shown: 2' },
  { url: '/dashboard/offices/new', role: 'agency-admin', heading: 'Add office details', data: stateNames() },
  { url: `/dashboard/offices/${mumbaiOffice.id}`, role: 'agency-admin', heading: mumbaiOffice.name, data: officeData(), settled: 'Changes to this office, newest first: 2 changes in 3 rows (one row for each field changed)' },
  { url: `/dashboard/offices/${mumbaiOffice.id}/edit`, role: 'agency-admin', heading: `Edit ${mumbaiOffice.name}`, data: [...officeData(), ...stateNames()] },
  { url: '/dashboard', role: 'issuing-officer', heading: 'My Dashboard', data: officerData(), settled: 'Version 1 is on your certificates.' },
  { url: '/dashboard/users', role: 'agency-admin', heading: 'User Management', data: officerData(), settled: 'Officers shown: 3 of 3' },
  {
    url: `/dashboard/users/${pendingOfficer.id}`,
    role: 'agency-admin',
    heading: pendingOfficer.name,
    data: officerData(),
    settled: 'Changes to this officer, newest first: 2 changes in 3 rows (one row for each field changed)',
  },
  {
    url: `/dashboard/users/${activeOfficer.id}`,
    role: 'agency-admin',
    heading: activeOfficer.name,
    data: [...officerData(), ...dscData()],
    settled: ['No changes recorded yet.', 'Save offices', 'DSCs replaced by a newer one, newest first: 1'],
  },
  { url: '/dashboard/dsc', role: 'issuing-officer', heading: 'Register Digital Signature Certificate', data: dscData(), settled: 'DSCs replaced by a newer one, newest first: 1' },
  {
    url: `/dashboard/users/${activeOfficer.id}/signature`,
    role: 'agency-admin',
    heading: `Signature image: ${activeOfficer.name}`,
    data: officerData(),
    settled: 'No version accepted yet.',
  },
  { url: `/review/registrations/${meeraNair.id}`, role: 'dgft-reviewer', heading: 'Registration of Meera Nair' },
  { url: '/review/agencies', role: 'dgft-reviewer', heading: 'Issuing agencies' },
  { url: '/review/administrators', role: 'dgft-reviewer', heading: 'Agency administrators', data: administratorData(), settled: 'Administrators found: 2' },
  { url: '/review/readiness', role: 'dgft-reviewer', heading: 'Go-live readiness of issuing agencies', data: readinessData(), settled: 'Rows found: 3' },
  { url: '/dashboard/audit', role: 'agency-admin', heading: 'Audit trail', data: auditData(), settled: 'Entries found: 3' },
  { url: '/dashboard/specimens', role: 'agency-admin', heading: 'Specimen certificate', data: specimenData(), settled: 'Specimen certificates, newest first' },
  { url: '/review/audit', role: 'dgft-reviewer', heading: 'Audit trail', data: auditData(), settled: 'Entries found: 3' },
  { url: '/dashboard/specimen-register', role: 'agency-admin', heading: 'Specimen register', data: registerData(), settled: 'Active register link' },
  { url: `/register/${registerToken}?office=${mumbaiOffice.id}&officer=${activeOfficer.id}&date=2026-03-12`, heading: 'Specimen register', data: registerData(), settled: 'Full history' },
  { url: '/register/no-such-token', heading: 'This register link is not valid' },
  { url: '/dev/outbox', heading: 'Mail outbox (development only)' },
  { url: '/no/such/page', heading: 'Page not found' },
];

/** The outbox shows mail bodies, and the registration and agency pages the applicants' own words: not catalogue text. */
const withFixtureProse = (page: PageCase) => page.url === '/dev/outbox' || page.url.startsWith('/review/registrations/') || page.url === '/review/agencies';

describe('Every page', () => {
  it.each(pages.map((page) => ({ ...page, name: nameOf(page) })))('$name has no axe violations', async (page) => {
    await openPage(page);

    expect(await axeViolations()).toEqual([]);
  });

  it.each(pages.filter((page) => !withFixtureProse(page)).map((page) => ({ ...page, name: nameOf(page) })))('$name shows only catalogue text', async (page) => {
    const { container } = await openPage(page);
    const { data = [] } = page;
    const names = Object.values(sessionUsers).flatMap((user) => [user.name, user.agency?.name ?? '']);

    expect(textOutsideCatalogue(container, [...data, ...names])).toEqual([]);
  });
});

/** Names, emails, codes and dates of every fixture, dates written as the page shows them now. */
const everyFixtureText = () => [
  ...officeData(),
  ...stateNames(),
  ...officerData(),
  ...dscData(),
  ...administratorData(),
  ...readinessData(),
  ...auditData(),
  ...registerData(),
  ...specimenData(),
  ...agencyFixtures.map((agency) => agency.name),
  ...Object.values(sessionUsers).flatMap((user) => [user.name, user.agency?.name ?? '']),
];

describe('Every page in Hindi', () => {
  async function openInHindi({ url, role }: PageCase) {
    answerInLanguage('hi');
    const app = renderApp(url, { role });
    await screen.findByRole('link', { name: hi['nav.outbox'] }, { timeout: 3000 });
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(screen.queryByText(hi['app.loading'])).not.toBeInTheDocument());
    expect(document.documentElement.lang).toBe('hi');
    return app;
  }

  it.each(pages.map((page) => ({ ...page, name: nameOf(page) })))('$name has no axe violations', async (page) => {
    await openInHindi(page);

    expect(await axeViolations()).toEqual([]);
  });

  it.each(pages.filter((page) => !withFixtureProse(page)).map((page) => ({ ...page, name: nameOf(page) })))('$name shows only the Hindi catalogue’s text', async (page) => {
    const { container } = await openInHindi(page);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(textOutsideCatalogue(container, everyFixtureText())).toEqual([]);
  });
});
