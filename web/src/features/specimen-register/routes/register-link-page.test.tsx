import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { MyRegisterLinkSchema, RegisterLinkSchema } from '@ecoo/shared/specimen-register/schemas';
import { formatInstant } from '../../../lib/i18n';
import { axeViolations } from '../../../testing/axe';
import { mumbaiRegisterLink, registerToken } from '../../../testing/handlers/specimen-register';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const addressOf = (token: string) => `${window.location.origin}/register/${token}`;

describe('Specimen register link (administrator)', () => {
  it('shows the active link in full with who created it, copies it, and opens the register; axe finds nothing', async () => {
    const { user } = renderApp('/dashboard/specimen-register', { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: 'Specimen register' }, { timeout: 3000 });
    const field = await screen.findByRole('textbox', { name: 'Register link' });

    expect(field).toHaveValue(addressOf(registerToken));
    expect(field).toHaveAttribute('readonly');
    expect(screen.getByText(`Created on ${formatInstant(mumbaiRegisterLink.createdAt)} by ${mumbaiRegisterLink.createdBy}.`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the register' })).toHaveAttribute('href', `/register/${registerToken}`);
    // user-event's clipboard stub cannot read back under jsdom (its Blob is not Node's), so the write itself is watched.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(addressOf(registerToken));
    expect(await axeViolations()).toEqual([]);
  });

  it('revokes after a confirmation from the keyboard, then creates a new link: one DELETE of that link, one POST', async () => {
    const deleted: string[] = [];
    let created = 0;
    const renewed = RegisterLinkSchema.parse({ ...mumbaiRegisterLink, id: '8b2d4f6a-3c5e-4d7f-9a1b-0c2e4f6a8b01', token: 'Zq9wX2vB7nM4kL1jH8gF5dS3aP6oI0uY2tR5eW8qE1r' });
    let current: unknown = { link: mumbaiRegisterLink };
    server.use(
      http.get('/api/specimen-register/link', () => HttpResponse.json(MyRegisterLinkSchema.parse(current))),
      http.delete('/api/specimen-register/links/:linkId', ({ params }) => {
        deleted.push(String(params.linkId));
        current = { link: null };
        return new HttpResponse(null, { status: 204 });
      }),
      http.post('/api/specimen-register/links', () => {
        created += 1;
        current = { link: renewed };
        return HttpResponse.json(renewed, { status: 201 });
      }),
    );
    const { user } = renderApp('/dashboard/specimen-register', { role: 'agency-admin' });
    await screen.findByRole('textbox', { name: 'Register link' }, { timeout: 3000 });

    screen.getByRole('button', { name: 'Revoke link' }).focus();
    await user.keyboard('{Enter}');
    const question = screen.getByText(/^Revoke this link\?/);
    expect(question).toHaveFocus();
    expect(deleted).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, revoke the link' }));

    expect(await screen.findByText('The link was revoked: it no longer opens the register. Create a new one to share with customs.')).toBeInTheDocument();
    expect(deleted).toEqual([mumbaiRegisterLink.id]);
    expect(await screen.findByText('Your agency has no active register link. Customs cannot open the register until you create one.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Register link' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create register link' }));
    expect(await screen.findByRole('textbox', { name: 'Register link' })).toHaveValue(addressOf(renewed.token));
    expect(created).toBe(1);
  });

  it('is a section of My Dashboard for the administrator only', async () => {
    const admin = renderApp('/dashboard', { role: 'agency-admin' });
    const main = within(await screen.findByRole('main', {}, { timeout: 3000 }));
    expect(await main.findByRole('link', { name: 'Specimen register' })).toHaveAttribute('href', '/dashboard/specimen-register');
    admin.unmount();

    renderApp('/dashboard', { role: 'issuing-officer' });
    await screen.findByRole('region', { name: 'Your issuing officer account' }, { timeout: 3000 });
    expect(screen.queryByRole('link', { name: 'Specimen register' })).not.toBeInTheDocument();
  });
});
