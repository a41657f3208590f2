import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { hi } from '@ecoo/shared/i18n/hi';
import { en } from '@ecoo/shared/i18n/en';
import { translate } from '@ecoo/shared/i18n/translate';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { server } from '../../testing/msw-server';
import { renderApp } from '../../testing/render-app';
import { problemResponse } from '../../testing/problem-response';
import { mumbaiOffice } from '../../testing/handlers/offices';

describe('the language switch in the header', () => {
  it('shows each language in its own script, marked with its lang, the current one pressed', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    const group = screen.getByRole('group', { name: en['app.language.switch'] });
    const english = screen.getByRole('button', { name: 'English' });
    const hindi = screen.getByRole('button', { name: 'हिन्दी' });
    expect(group).toContainElement(hindi);
    expect(english).toHaveAttribute('lang', 'en');
    expect(hindi).toHaveAttribute('lang', 'hi');
    expect(english).toHaveAttribute('aria-pressed', 'true');
    expect(hindi).toHaveAttribute('aria-pressed', 'false');
  });

  it('switches every page to Hindi at once, tells the BFF, marks the page hi, and keeps the keyboard on the switch', async () => {
    const chosen: unknown[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT' && new URL(request.url).pathname === '/api/session/language') chosen.push(await request.clone().json());
    });
    const { user } = renderApp('/');
    await screen.findByRole('navigation', { name: en['nav.main'] });
    await user.click(screen.getByRole('button', { name: 'हिन्दी' }));

    expect(await screen.findByRole('navigation', { name: hi['nav.main'] })).toBeInTheDocument();
    expect(screen.getByText(hi['app.govOfIndia'])).toBeInTheDocument();
    expect(screen.queryByText(en['app.govOfIndia'])).not.toBeInTheDocument();
    expect(document.documentElement.lang).toBe('hi');
    await waitFor(() => expect(chosen).toEqual([{ locale: 'hi' }]));
    expect(screen.getByRole('button', { name: 'हिन्दी' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.getByRole('button', { name: 'हिन्दी' })).toHaveFocus());
    server.events.removeAllListeners();
  });

  it('opens in the language the session names (the account’s, the cookie’s or the browser’s)', async () => {
    server.use(http.get('/api/session', () => HttpResponse.json({ user: null, csrfToken: 'csrf-token-initial-0123456789abcdef0123', locale: 'hi' })));
    renderApp('/');
    expect(await screen.findByRole('navigation', { name: hi['nav.main'] })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('hi');
  });
});

describe('problems from the BFF in the chosen language', () => {
  it('puts a field error the BFF sends (code and params) beside its field in Hindi, never its English words', async () => {
    const taken = fieldProblem('code', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' });
    server.use(http.put('/api/offices/:officeId', () => problemResponse(409, 'problem.officeCodeTaken', { code: 'EIA-KOC-02' }, [taken])));
    const { user } = renderApp(`/dashboard/offices/${mumbaiOffice.id}/edit`, { role: 'agency-admin' });
    await screen.findByLabelText(/^Office code/);
    await user.click(screen.getByRole('button', { name: 'हिन्दी' }));
    const code = await screen.findByLabelText(new RegExp(`^${hi['offices.field.code']}`));

    await user.clear(code);
    await user.type(code, 'EIA-KOC-02');
    await user.click(screen.getByRole('button', { name: hi['offices.save'] }));

    const expected = translate('hi', 'problem.officeCodeTaken', { code: 'EIA-KOC-02' });
    expect(expected).toMatch(/[\u0900-\u097F]/);
    await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining(expected)));
    expect(screen.queryByText(new RegExp(taken.message.slice(0, 30)))).not.toBeInTheDocument();
  });
});
