import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { outboxFixture, setPasswordLink } from '../../../testing/handlers/outbox';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

describe('Mail outbox page', () => {
  it('shows each kept mail with its links clickable', async () => {
    renderApp('/dev/outbox');

    const [mail] = outboxFixture.mails;
    expect(await screen.findByRole('heading', { level: 2, name: mail?.subject })).toBeInTheDocument();
    expect(screen.getByText(`To: ${mail?.to}`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: setPasswordLink })).toHaveAttribute('href', setPasswordLink);
  });

  it('when the BFF sends mail by SMTP, says the outbox is off', async () => {
    server.use(http.get('/api/dev/outbox', () => problemResponse(404, 'problem.outboxDisabled')));
    renderApp('/dev/outbox');

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.outboxDisabled'));
  });
});
