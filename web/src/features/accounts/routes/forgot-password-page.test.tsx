import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { renderApp } from '../../../testing/render-app';

describe('Forgot-password page', () => {
  it('asks for a link and says it is on its way, whether or not the account exists', async () => {
    const { user } = renderApp('/forgot-password');
    await screen.findByRole('heading', { level: 1, name: 'Reset your password' });

    await user.type(screen.getByLabelText(/^Official email/), 'Someone@EICindia.gov.in');
    await user.click(screen.getByRole('button', { name: 'Send link' }));

    expect(await screen.findByRole('status')).toHaveTextContent(translate('en', 'forgot.sent', { email: 'someone@eicindia.gov.in' }));
  });

  it('refuses an address that is not an email', async () => {
    const { user } = renderApp('/forgot-password');
    await screen.findByRole('heading', { level: 1, name: 'Reset your password' });

    await user.type(screen.getByLabelText(/^Official email/), 'someone');
    await user.click(screen.getByRole('button', { name: 'Send link' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'validation.email'));
  });
});
