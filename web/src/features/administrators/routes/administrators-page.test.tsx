import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { AdministratorListSchema } from '@ecoo/shared/administrators/schemas';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../../testing/axe';
import { mpedaAdministrator, mumbaiAdministrator } from '../../../testing/handlers/administrators';
import { eiaMumbai, mpeda } from '../../../testing/handlers/agencies';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

function recordBodies(path: string) {
  const bodies: unknown[] = [];
  server.use(
    http.post(path, async ({ request }) => {
      const text = await request.clone().text();
      bodies.push(text === '' ? null : JSON.parse(text));
      return undefined;
    }),
  );
  return bodies;
}

async function openList(url = '/review/administrators') {
  const app = renderApp(url, { role: 'dgft-reviewer' });
  await screen.findByText(/^Administrators found: /, {}, { timeout: 3000 });
  return app;
}

describe('Agency administrators (DGFT reviewer)', () => {
  it('lists the administrators of every agency with their deactivations; axe finds nothing', async () => {
    await openList();
    const kavita = within(rowOf(mpedaAdministrator.name));
    expect(kavita.getByText(mpeda.name)).toBeInTheDocument();
    expect(kavita.getByText('Deactivated')).toBeInTheDocument();
    expect(kavita.getByText('From 30 Apr 2026: Retired from MPEDA on 30 April 2026. (Asha Verma)')).toBeInTheDocument();
    expect(kavita.getByRole('button', { name: `Reactivate ${mpedaAdministrator.name}` })).toBeInTheDocument();
    const rahul = within(rowOf(mumbaiAdministrator.name));
    expect(rahul.getByText('Active')).toBeInTheDocument();
    expect(rahul.getByRole('button', { name: `Deactivate ${mumbaiAdministrator.name}` })).toHaveAttribute('aria-expanded', 'false');
    await screen.findByRole('option', { name: mpeda.name });
    expect(await axeViolations()).toEqual([]);
  });

  it('puts agency, status and search in the address and the request', async () => {
    const requested: string[] = [];
    server.use(
      http.get('/api/administrators', ({ request }) => {
        requested.push(new URL(request.url).search);
        return undefined;
      }),
    );
    const { user, router } = await openList();
    const filter = within(screen.getByRole('search', { name: 'Find administrators' }));

    await user.selectOptions(filter.getByLabelText('Issuing agency'), mpeda.name);
    await user.selectOptions(filter.getByLabelText('Status'), 'Deactivated');
    await user.type(filter.getByLabelText('Search by name or email'), 'kavita');
    await user.click(filter.getByRole('button', { name: 'Show administrators' }));

    await expect.poll(() => router.state.location.search).toBe(`?status=deactivated&agencyId=${mpeda.id}&q=kavita`);
    await expect.poll(() => requested.at(-1)).toBe(`?agencyId=${mpeda.id}&status=deactivated&q=kavita&page=1&pageSize=50`);
    expect(await screen.findByText('Administrators found: 1')).toBeInTheDocument();
    expect(screen.queryByRole('rowheader', { name: mumbaiAdministrator.name })).not.toBeInTheDocument();
  });

  it('deactivates from a disclosure that takes focus and gives it back on Cancel, with date and reason, only once the question naming the administrator is answered', async () => {
    const bodies = recordBodies('/api/administrators/:userId/deactivation');
    const { user } = await openList(`/review/administrators?agencyId=${eiaMumbai.id}`);
    const toggle = within(rowOf(mumbaiAdministrator.name)).getByRole('button', { name: `Deactivate ${mumbaiAdministrator.name}` });

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = within(screen.getByRole('region', { name: `Deactivate ${mumbaiAdministrator.name} of ${eiaMumbai.name}` }));
    expect(screen.getByRole('heading', { name: `Deactivate ${mumbaiAdministrator.name} of ${eiaMumbai.name}` })).toHaveFocus();
    await user.click(panel.getByRole('button', { name: 'Cancel' }));
    expect(toggle).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');

    await user.keyboard('{Enter}');
    const form = within(screen.getByRole('region', { name: `Deactivate ${mumbaiAdministrator.name} of ${eiaMumbai.name}` }));
    await user.click(form.getByRole('button', { name: 'Deactivate administrator' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Reason for deactivating: Write a reason of at least 10 characters');
    expect(bodies).toEqual([]);
    expect(await axeViolations()).toEqual([]);

    await user.type(form.getByLabelText(/^Reason for deactivating/), 'Left EIA Mumbai for another post.');
    await user.click(form.getByRole('button', { name: 'Deactivate administrator' }));
    const question = await form.findByText(new RegExp(`^Deactivate ${mumbaiAdministrator.name} from \\d{1,2} \\w{3} \\d{4}\\? Their sessions end at once`));
    expect(question).toHaveFocus();
    expect(bodies).toEqual([]);
    expect(await axeViolations()).toEqual([]);
    await user.click(form.getByRole('button', { name: 'Yes, deactivate' }));

    const notice = await screen.findByText(`${mumbaiAdministrator.name} is deactivated.`);
    await expect.poll(() => document.activeElement).toBe(notice.closest('[role="status"]'));
    expect(bodies).toEqual([{ effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'Left EIA Mumbai for another post.' }]);
  });

  it('shows why the BFF refuses to deactivate the last administrator of an agency (409)', async () => {
    server.use(
      http.post('/api/administrators/:userId/deactivation', () =>
        problemResponse(409, 'problem.lastAdministrator', { name: mumbaiAdministrator.name, agency: eiaMumbai.name }),
      ),
    );
    const { user } = await openList();
    await user.click(within(rowOf(mumbaiAdministrator.name)).getByRole('button', { name: `Deactivate ${mumbaiAdministrator.name}` }));
    const form = within(screen.getByRole('region', { name: `Deactivate ${mumbaiAdministrator.name} of ${eiaMumbai.name}` }));
    await user.type(form.getByLabelText(/^Reason for deactivating/), 'Left EIA Mumbai for another post.');
    await user.click(form.getByRole('button', { name: 'Deactivate administrator' }));
    await user.click(await form.findByRole('button', { name: 'Yes, deactivate' }));

    expect(await form.findByRole('alert')).toHaveTextContent(`${mumbaiAdministrator.name} is the last active administrator of ${eiaMumbai.name}.`);
  });

  it("says before any form that an agency's only active administrator cannot be deactivated yet, and offers no button", async () => {
    server.use(
      http.get('/api/administrators', () =>
        HttpResponse.json(AdministratorListSchema.parse({ items: [{ ...mumbaiAdministrator, isLastActive: true }], total: 1, page: 1, pageSize: 50 })),
      ),
    );
    await openList();
    const row = within(rowOf(mumbaiAdministrator.name));
    expect(row.getByText(`The only active administrator of ${eiaMumbai.name}: activate another administrator of the agency (Registrations) before deactivating this one.`)).toBeInTheDocument();
    expect(row.queryByRole('button', { name: `Deactivate ${mumbaiAdministrator.name}` })).toBeNull();
  });

  it('reactivates a deactivated administrator and says so', async () => {
    const bodies = recordBodies('/api/administrators/:userId/reactivation');
    const { user } = await openList();

    await user.click(within(rowOf(mpedaAdministrator.name)).getByRole('button', { name: `Reactivate ${mpedaAdministrator.name}` }));

    expect(await screen.findByText(`${mpedaAdministrator.name} is active again.`)).toBeInTheDocument();
    expect(bodies).toEqual([null]);
  });

  it('is not open to an agency administrator', async () => {
    renderApp('/review/administrators', { role: 'agency-admin' });

    expect(await screen.findByText('Your account may not do this.', {}, { timeout: 3000 })).toBeInTheDocument();
  });
});
