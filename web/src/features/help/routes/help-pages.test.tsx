import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SessionSchema } from '@ecoo/shared/accounts/schemas';
import type { Role } from '@ecoo/shared/http/endpoint';
import { en } from '@ecoo/shared/i18n/en';
import { hi } from '@ecoo/shared/i18n/hi';
import type { Locale } from '@ecoo/shared/i18n/translate';
import { helpPaths, helpSections, type HelpPage } from '../../../components/ui/page-heading';
import { axeViolations } from '../../../testing/axe';
import { textOutsideCatalogue } from '../../../testing/catalogue-text';
import { sessionUsers } from '../../../testing/handlers/accounts';
import { mumbaiOffice } from '../../../testing/handlers/offices';
import { server } from '../../../testing/msw-server';
import { csrfTokens } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const helpPages = Object.keys(helpSections) as HelpPage[];
const catalogues = { en, hi } as const;

/** GET /api/session in `locale`, signed in as `role` or signed out: the page opens in that language. */
function openIn(locale: Locale, role?: Role) {
  server.use(http.get('/api/session', () => HttpResponse.json(SessionSchema.parse({ user: role ? sessionUsers[role] : null, csrfToken: csrfTokens.initial, locale }))));
}

async function openHelp(page: HelpPage, { locale = 'en', role }: { locale?: Locale; role?: Role } = {}) {
  openIn(locale, role);
  const app = renderApp(helpPaths[page]);
  await screen.findByRole('heading', { level: 1, name: catalogues[locale][`help.${page}.title`] });
  // The tab is named after the page as soon as its heading is there (axe needs a title).
  expect(document.title).toBe(`${catalogues[locale][`help.${page}.title`]} | ${catalogues[locale]['app.title']}`);
  return app;
}

const helpdeskData = ['011-23061495', '011-23061499', 'coo-dgft@gov.in', 'https://trade.gov.in'];

describe('the help pages', () => {
  const cases = helpPages.flatMap((page) => (['en', 'hi'] as const).map((locale) => ({ page, locale })));

  it.each(cases)('$page in $locale: open signed out, every section under its id and heading, the helpdesk last, no axe violations', async ({ page, locale }) => {
    await openHelp(page, { locale });

    for (const section of helpSections[page]) {
      const element = document.getElementById(section);
      if (!element) throw new Error(`no section #${section} on ${page}`);
      expect(within(element).getByRole('heading', { level: 2 })).toHaveTextContent(catalogues[locale][`help.${page}.${section}.title` as keyof typeof en]);
    }
    expect(screen.getByRole('region', { name: catalogues[locale]['help.index.helpdesk.title'] })).toHaveAttribute('id', 'helpdesk');
    expect(document.documentElement.lang).toBe(locale);
    expect(await axeViolations()).toEqual([]);
  });

  it.each(helpPages)('%s in English shows only catalogue text and the helpdesk’s own numbers and addresses', async (page) => {
    const { container } = await openHelp(page);

    expect(textOutsideCatalogue(container, helpdeskData)).toEqual([]);
  });

  it('keeps its headings in order: one h1, then h2s, with h3 only under an h2', async () => {
    for (const page of helpPages) {
      const { unmount } = await openHelp(page);
      const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((heading) => Number(heading.tagName[1]));
      expect(levels[0], page).toBe(1);
      expect(levels.filter((level) => level === 1), page).toHaveLength(1);
      levels.slice(1).forEach((level, index) => expect(level - (levels[index] ?? 0), `${page} heading ${index + 1}`).toBeLessThanOrEqual(1));
      unmount();
    }
  });

  it('switches to Hindi with the header’s हिन्दी button, the steps and the helpdesk with it', async () => {
    const { user } = await openHelp('administrator');
    await user.click(screen.getByRole('button', { name: 'हिन्दी' }));

    expect(await screen.findByRole('heading', { level: 1, name: hi['help.administrator.title'] })).toBeInTheDocument();
    expect(screen.getByText(hi['help.administrator.add-office.step1'])).toBeInTheDocument();
    expect(screen.queryByText(en['help.administrator.add-office.step1'])).not.toBeInTheDocument();
    expect(screen.getByText(hi['help.helpdesk.phone'])).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '011-23061495' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: hi['help.index.helpdesk.title'] })).toHaveAttribute('href', '/help/administrator#helpdesk');
  });
});

describe('the CoO Helpdesk (Trade Notice 23/2024-25 §8) and §7’s pointer', () => {
  it.each(['en', 'hi'] as const)('gives exactly the toll-free numbers, the days, the mail address and trade.gov.in (%s)', async (locale) => {
    await openHelp('faq', { locale });
    const helpdesk = screen.getByRole('region', { name: catalogues[locale]['help.index.helpdesk.title'] });

    const numbers = within(helpdesk).getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('tel:'));
    expect(numbers.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['011-23061495', 'tel:+911123061495'],
      ['011-23061499', 'tel:+911123061499'],
    ]);
    expect(within(helpdesk).getByText(catalogues[locale]['help.helpdesk.phone'])).toBeInTheDocument();
    expect(en['help.helpdesk.phone']).toContain('(Monday to Friday)');
    expect(within(helpdesk).getByRole('link', { name: 'coo-dgft@gov.in' })).toHaveAttribute('href', 'mailto:coo-dgft@gov.in');
    expect(within(helpdesk).getByText(catalogues[locale]['help.helpdesk.guide'])).toBeInTheDocument();
    expect(within(helpdesk).getByRole('link', { name: 'https://trade.gov.in' })).toHaveAttribute('href', 'https://trade.gov.in');
  });
});

describe('the help for the signed-in user’s role comes first', () => {
  const guides = { 'agency-admin': 'administrator', 'issuing-officer': 'officer', 'dgft-reviewer': 'reviewer' } as const;

  it.each(Object.entries(guides) as [Role, (typeof guides)[Role]][])('%s: the %s guide leads the overview, marked as theirs, and the help pages’ navigation', async (role, guide) => {
    await openHelp('index', { role });
    const cards = within(screen.getByRole('region', { name: en['help.index.guides.title'] })).getAllByRole('heading', { level: 3 });
    expect(cards[0]).toHaveTextContent(en[`help.${guide}.title`]);
    expect(cards).toHaveLength(4);
    expect(screen.getAllByText(en['help.yourRole'])).toHaveLength(1);

    await openHelp('faq', { role });
    const pages = within(screen.getByRole('navigation', { name: en['help.pages'] })).getAllByRole('link');
    expect(pages[0]).toHaveTextContent(en[`help.${guide}.title`]);
    expect(pages.map((link) => link.getAttribute('href')).sort()).toEqual(Object.values(helpPaths).sort());
  });

  it('signed out, the guides follow the journey: administrator, officer, reviewer', async () => {
    await openHelp('index');
    const cards = within(screen.getByRole('region', { name: en['help.index.guides.title'] })).getAllByRole('heading', { level: 3 });
    expect(cards.map((card) => card.textContent)).toEqual([en['help.administrator.title'], en['help.officer.title'], en['help.reviewer.title'], en['help.faq.title']]);
    expect(screen.queryByText(en['help.yourRole'])).not.toBeInTheDocument();
  });
});

describe('Help on this page, from a screen’s heading', () => {
  const screens: { url: string; role?: Role; heading: string; href: string }[] = [
    { url: '/dashboard/offices', role: 'agency-admin', heading: 'Office Management', href: '/help/administrator#offices' },
    { url: '/dashboard/offices/new', role: 'agency-admin', heading: 'Add office details', href: '/help/administrator#add-office' },
    { url: `/dashboard/offices/${mumbaiOffice.id}/stamp`, role: 'agency-admin', heading: `Stamp image: ${mumbaiOffice.name}`, href: '/help/administrator#stamps' },
    { url: '/dashboard/users', role: 'agency-admin', heading: 'User Management', href: '/help/administrator#users' },
    { url: '/dashboard', role: 'agency-admin', heading: 'My Dashboard', href: '/help/administrator#dashboard' },
    { url: '/dashboard', role: 'issuing-officer', heading: 'My Dashboard', href: '/help/officer#dashboard' },
    { url: '/dashboard/dsc', role: 'issuing-officer', heading: 'Register Digital Signature Certificate', href: '/help/officer#dsc' },
    { url: '/review/agencies', role: 'dgft-reviewer', heading: 'Issuing agencies', href: '/help/reviewer#agencies' },
    { url: '/register', heading: 'Register', href: '/help#register' },
    { url: '/sign-in', heading: 'Sign in', href: '/help/faq#forgotten-password' },
  ];

  it.each(screens)('$url ($role) links, named with the page, to $href', async ({ url, role, heading, href }) => {
    renderApp(url, { role });
    await screen.findByRole('heading', { level: 1, name: heading });

    expect(screen.getByRole('link', { name: `Help on this page: ${heading}` })).toHaveAttribute('href', href);
  });

  it('following it opens the guide with focus on the section for that screen', async () => {
    const { user, router } = renderApp('/dashboard/offices', { role: 'agency-admin' });
    await user.click(await screen.findByRole('link', { name: 'Help on this page: Office Management' }));

    await screen.findByRole('heading', { level: 1, name: en['help.administrator.title'] });
    expect(router.state.location.pathname + router.state.location.hash).toBe('/help/administrator#offices');
    await waitFor(() => expect(document.getElementById('offices')).toHaveFocus());
    expect(screen.getByRole('region', { name: en['help.administrator.offices.title'] })).toHaveFocus();
  });

  it('in Hindi the link is in Hindi too, still named with the page', async () => {
    openIn('hi', 'agency-admin');
    renderApp('/dashboard/offices');
    const heading = await screen.findByRole('heading', { level: 1, name: hi['offices.title'] });

    expect(screen.getByRole('link', { name: `${hi['help.onThisPage']}: ${heading.textContent}` })).toHaveTextContent(hi['help.onThisPage']);
  });

  it('a page with no help topic shows no link', async () => {
    renderApp('/no/such/page');
    await screen.findByRole('heading', { level: 1, name: 'Page not found' });

    expect(screen.queryByRole('link', { name: /^Help on this page/ })).not.toBeInTheDocument();
  });
});

describe('moving about the help', () => {
  it('"On this page" moves focus to the section chosen, and the helpdesk is one of them', async () => {
    const { user } = await openHelp('administrator');
    const contents = screen.getByRole('navigation', { name: en['help.contents'] });

    await user.click(within(contents).getByRole('link', { name: en['help.administrator.stamps.title'] }));
    await waitFor(() => expect(document.getElementById('stamps')).toHaveFocus());
    await user.click(within(contents).getByRole('link', { name: en['help.index.helpdesk.title'] }));
    await waitFor(() => expect(document.getElementById('helpdesk')).toHaveFocus());
  });

  it('a "See also" link to another help page lands on its section', async () => {
    const { user } = await openHelp('administrator');
    const stamps = screen.getByRole('region', { name: en['help.administrator.stamps.title'] });

    await user.click(within(stamps).getByRole('link', { name: en['help.faq.stamp-faint.title'] }));
    await screen.findByRole('heading', { level: 1, name: en['help.faq.title'] });
    await waitFor(() => expect(document.getElementById('stamp-faint')).toHaveFocus());
  });

  it('the footer’s Help link opens the overview, signed in or out', async () => {
    const { user } = renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('heading', { level: 1, name: 'My Dashboard' });
    await user.click(within(screen.getByRole('contentinfo')).getByRole('link', { name: en['help.link'] }));

    expect(await screen.findByRole('heading', { level: 1, name: en['help.index.title'] })).toBeInTheDocument();
  });
});
