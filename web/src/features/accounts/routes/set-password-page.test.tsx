import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { validPasswordToken } from '../../../testing/handlers/accounts';
import { renderApp } from '../../../testing/render-app';

describe('Set-password page', () => {
  it('with the token from the link, sets the password and opens sign-in with a confirmation', async () => {
    const { user, router } = renderApp(`/set-password#token=${validPasswordToken}`);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });

    await user.type(screen.getByLabelText(/^New password/), 'a-long-enough-password');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'a-long-enough-password');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.hash).toBe('');
    expect(screen.getByRole('status')).toHaveTextContent(translate('en', 'setPassword.done'));
  });

  it('when the two passwords differ, says so beside the second', async () => {
    const { user } = renderApp(`/set-password#token=${validPasswordToken}`);
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });

    await user.type(screen.getByLabelText(/^New password/), 'a-long-enough-password');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'a-long-enough-passwork');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    await screen.findByRole('alert');
    expect(screen.getByLabelText(/^Repeat the new password/)).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.password.mismatch')));
  });

  it('when the link was used already, shows the BFF’s detail', async () => {
    const { user } = renderApp('/set-password#token=spent-token-0123456789abcdefghij');
    await screen.findByRole('heading', { level: 1, name: 'Set your password' });

    await user.type(screen.getByLabelText(/^New password/), 'a-long-enough-password');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'a-long-enough-password');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.tokenInvalid'));
  });

  it('without a token, explains that the emailed link is needed', async () => {
    renderApp('/set-password');

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'setPassword.missingToken'));
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
  });
});
