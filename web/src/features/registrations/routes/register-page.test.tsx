import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { mpeda, spicesBoard } from '../../../testing/handlers/agencies';
import { receiptId } from '../../../testing/handlers/registrations';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';

const pdf = (bytes = 2048, name = 'authorisation-letter.pdf') => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' });

async function openRegister() {
  const app = renderApp('/register');
  await screen.findByRole('heading', { level: 1, name: 'Register' });
  await screen.findByRole('option', { name: mpeda.name });
  return app;
}

async function fillValidForm(user: ReturnType<typeof renderApp>['user'], letter: File = pdf()) {
  await user.selectOptions(screen.getByLabelText(/^Issuing agency/), mpeda.name);
  await user.type(screen.getByLabelText(/^Full name/), 'Meera Nair');
  await user.type(screen.getByLabelText(/^Mobile number/), '9847012345');
  await user.type(screen.getByLabelText(/^Official email/), 'meera.nair@mpeda.gov.in');
  await user.upload(screen.getByLabelText(/^Authorisation letter/), letter);
}

describe('Register page', () => {
  it('shows the accepted domains of the chosen agency', async () => {
    const { user } = await openRegister();

    await user.selectOptions(screen.getByLabelText(/^Issuing agency/), spicesBoard.name);

    expect(screen.getByLabelText(/^Issuing agency/)).toHaveAccessibleDescription('Accepted email domains: indianspices.com, spicesboard.gov.in');
  });

  it('when the email domain is not the agency’s, says so on leaving the field, with the BFF’s words', async () => {
    const { user } = await openRegister();
    await user.selectOptions(screen.getByLabelText(/^Issuing agency/), mpeda.name);

    await user.type(screen.getByLabelText(/^Official email/), 'meera.nair@gmail.com');
    await user.tab();

    const message = translate('en', 'problem.emailDomainNotOnRecord', { agency: mpeda.name, domains: 'mpeda.gov.in', domain: 'gmail.com' });
    const email = screen.getByLabelText(/^Official email/);
    expect(email).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(email).toBeInvalid();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('when the agency changes to one that accepts the domain, takes the domain error away', async () => {
    const { user } = await openRegister();
    await user.selectOptions(screen.getByLabelText(/^Issuing agency/), mpeda.name);
    await user.type(screen.getByLabelText(/^Official email/), 'suresh@indianspices.com');
    await user.tab();
    expect(screen.getByLabelText(/^Official email/)).toBeInvalid();

    await user.selectOptions(screen.getByLabelText(/^Issuing agency/), spicesBoard.name);

    expect(screen.getByLabelText(/^Official email/)).toBeValid();
  });

  it('shows the chosen file’s name and size', async () => {
    const { user } = await openRegister();

    await user.upload(screen.getByLabelText(/^Authorisation letter/), pdf(1_572_864, 'letter on letterhead.pdf'));

    expect(screen.getByText('Chosen: letter on letterhead.pdf (1.5 MB)')).toBeInTheDocument();
  });

  it('when the letter is over 5 MB, refuses it at once and sends nothing', async () => {
    let isSent = false;
    server.use(http.post('/api/registrations', () => void (isSent = true)));
    const { user } = await openRegister();
    await fillValidForm(user, pdf(5 * 1024 * 1024 + 1));

    const message = translate('en', 'problem.fileTooLarge', { max: '5 MB' });
    expect(screen.getByLabelText(/^Authorisation letter/)).toHaveAccessibleDescription(expect.stringContaining(message));
    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(isSent).toBe(false);
  });

  it('when submitted empty, lists every missing field in the summary and focuses it', async () => {
    const { user } = await openRegister();

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: `Issuing agency: ${translate('en', 'validation.agency')}` })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: `Authorisation letter on the agency letterhead: ${translate('en', 'validation.letter.missing')}` })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Mobile number/)).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.mobile')));

    await user.click(within(summary).getByRole('link', { name: /^Mobile number:/ }));

    expect(screen.getByLabelText(/^Mobile number/)).toHaveFocus();
  });

  it('when the BFF refuses fields, puts each message beside its field', async () => {
    const emailMessage = translate('en', 'problem.emailDomainNotOnRecord', { agency: mpeda.name, domains: 'mpeda.gov.in', domain: 'mpeda.gov.in' });
    server.use(
      http.post('/api/registrations', () =>
        problemResponse(400, 'problem.badRequest', {}, [
          { path: 'email', code: 'problem.emailDomainNotOnRecord', message: emailMessage },
          { path: 'name', code: 'validation.name', message: translate('en', 'validation.name') },
        ]),
      ),
    );
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    await waitFor(() => expect(screen.getByLabelText(/^Official email/)).toHaveAccessibleDescription(expect.stringContaining(emailMessage)));
    expect(screen.getByLabelText(/^Full name/)).toHaveAccessibleDescription(expect.stringContaining(translate('en', 'validation.name')));
    expect(screen.getByLabelText(/^Mobile number/)).toBeValid();
    expect(screen.getByRole('alert')).toHaveFocus();
  });

  it('when the BFF refuses the letter’s type, puts its message beside the file input', async () => {
    const message = translate('en', 'problem.letterType', { detected: 'a GIF image' });
    server.use(http.post('/api/registrations', () => problemResponse(415, 'problem.letterType', { detected: 'a GIF image' })));
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    await waitFor(() => expect(screen.getByLabelText(/^Authorisation letter/)).toHaveAccessibleDescription(expect.stringContaining(message)));
  });

  it('when a registration is already pending for the email, shows the BFF’s detail in the alert', async () => {
    server.use(http.post('/api/registrations', () => problemResponse(409, 'problem.registrationPending', { email: 'meera.nair@mpeda.gov.in' })));
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(translate('en', 'problem.registrationPending', { email: 'meera.nair@mpeda.gov.in' }));
  });

  it('when accepted, shows the reference and the email the decision goes to', async () => {
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    const focused = await screen.findByRole('heading', { level: 1, name: 'Registration submitted' });
    await waitFor(() => expect(focused).toHaveFocus());
    expect(screen.getByText(new RegExp(`reference ${receiptId}.*meera\\.nair@mpeda\\.gov\\.in`))).toBeInTheDocument();
  });
});
