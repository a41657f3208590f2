import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { translate } from '@ecoo/shared/i18n/translate';
import { registrationReference } from '@ecoo/shared/registrations/reference';
import { axeViolations } from '../../../testing/axe';
import { textOutsideCatalogue } from '../../../testing/catalogue-text';
import { agencyFixtures, mpeda, spicesBoard } from '../../../testing/handlers/agencies';
import { receiptId, registrationOffices } from '../../../testing/handlers/registrations';
import { readMultipart, type MultipartPart } from '../../../testing/multipart';
import { server } from '../../../testing/msw-server';
import { problemResponse } from '../../../testing/problem-response';
import { renderApp } from '../../../testing/render-app';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';

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
          fieldProblem('email', 'problem.emailDomainNotOnRecord', { agency: mpeda.name, domains: 'mpeda.gov.in', domain: 'mpeda.gov.in' }),
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
    const message = 'Upload a PDF, JPEG or PNG; this file is a GIF image.';
    server.use(http.post('/api/registrations', () => problemResponse(415, 'problem.letterType', { detected: 'gif' })));
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    await waitFor(() => expect(screen.getByLabelText(/^Authorisation letter/)).toHaveAccessibleDescription(expect.stringContaining(message)));
  });

  // Issue 13, fault 3: the BFF answers a taken address like a new one, so the page must not claim what it cannot know.
  it('when accepted, says the mail to the address tells what follows, also when the address already has an account or a registration', async () => {
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    await screen.findByRole('heading', { level: 1, name: 'Registration submitted' });
    const body = screen.getByText(new RegExp(`reference ${registrationReference(receiptId)}`));
    expect(body).toHaveTextContent('meera.nair@mpeda.gov.in');
    expect(body).toHaveTextContent('already has an account or a registration waiting');
    expect(screen.queryByText(/DGFT will review your registration/)).not.toBeInTheDocument();
  });

  it('when accepted, shows the reference and the email the decision goes to', async () => {
    const { user } = await openRegister();
    await fillValidForm(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    const focused = await screen.findByRole('heading', { level: 1, name: 'Registration submitted' });
    await waitFor(() => expect(focused).toHaveFocus());
    expect(screen.getByText(new RegExp(`reference ${registrationReference(receiptId)}.*meera\\.nair@mpeda\\.gov\\.in`))).toBeInTheDocument();
    // The short reference, read over the phone, never the id; then where to go next.
    expect(screen.getByText(/^REG-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)).toBeInTheDocument();
    expect(screen.queryByText(new RegExp(receiptId))).not.toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Sign in' }).at(-1)).toHaveAttribute('href', '/sign-in');
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/');
  });
});

type User = ReturnType<typeof renderApp>['user'];

const [mpedaHeadOffice, mpedaVizag] = registrationOffices[mpeda.id]?.items ?? [];
const officeOption = (office: { name: string; code: string; city: string }) => `${office.name} (${office.code}), ${office.city}`;
const officeSelect = () => screen.getByLabelText(/^Regional office/);

/** Register → CoO Authorized Agency → MPEDA → Officer, as Trade Notice 23/2024-25 §3.II lays it out. */
async function chooseOfficer(user: User, agencyName = mpeda.name) {
  await user.selectOptions(screen.getByLabelText(/^Issuing agency/), agencyName);
  await user.click(screen.getByRole('radio', { name: 'Officer' }));
}

async function fillOfficer(user: User) {
  await user.type(screen.getByLabelText(/^Designation/), 'Assistant Director');
  await user.type(screen.getByLabelText(/^Full name/), 'Anil Menon');
  await user.type(screen.getByLabelText(/^Mobile number/), '9847054321');
  await user.type(screen.getByLabelText(/^Official email/), 'anil.menon@mpeda.gov.in');
}

/** Records the parts of each registration sent, and still answers like the default handler. */
function recordRegistrations() {
  const sent: MultipartPart[][] = [];
  server.use(
    http.post('/api/registrations', async ({ request }) => {
      sent.push(await readMultipart(request.clone()));
      return undefined;
    }),
  );
  return sent;
}

describe('Register page, for an issuing officer', () => {
  it('when Officer is chosen, offers the chosen agency’s regional offices and asks for no letter', async () => {
    const { user } = await openRegister();

    await chooseOfficer(user);

    expect(await screen.findByRole('option', { name: officeOption(mpedaHeadOffice!) })).toBeInTheDocument();
    expect(within(officeSelect()).getByRole('option', { name: officeOption(mpedaVizag!) })).toBeInTheDocument();
    expect(officeSelect()).toBeRequired();
    expect(screen.getByLabelText(/^Designation/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Authorisation letter/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Administrator' }));

    expect(screen.queryByLabelText(/^Regional office/)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Authorisation letter/)).toBeInTheDocument();
  });

  it('while the offices load, says so in the office choice', async () => {
    server.use(http.get('/api/agencies/:agencyId/registration-offices', () => delay('infinite')));
    const { user } = await openRegister();

    await chooseOfficer(user);

    expect(await within(officeSelect()).findByRole('option', { name: translate('en', 'app.loading') })).toBeInTheDocument();
    expect(officeSelect()).toHaveAttribute('aria-busy', 'true');
  });

  it('when the agency has no active office, says so beside the office choice', async () => {
    const { user } = await openRegister();

    await chooseOfficer(user, spicesBoard.name);

    const message = translate('en', 'register.office.none', { agency: spicesBoard.name });
    await waitFor(() => expect(officeSelect()).toHaveAccessibleDescription(message));
    expect(within(officeSelect()).getAllByRole('option')).toHaveLength(1);
  });

  it('when another agency is chosen, offers that agency’s offices instead', async () => {
    const { user } = await openRegister();
    await chooseOfficer(user);
    await user.selectOptions(await screen.findByLabelText(/^Regional office/), officeOption(mpedaVizag!));

    await user.selectOptions(screen.getByLabelText(/^Issuing agency/), agencyFixtures[0]!.name);

    const [eiaOffice] = registrationOffices[agencyFixtures[0]!.id]?.items ?? [];
    expect(await within(officeSelect()).findByRole('option', { name: officeOption(eiaOffice!) })).toBeInTheDocument();
    expect(within(officeSelect()).queryByRole('option', { name: officeOption(mpedaVizag!) })).not.toBeInTheDocument();
    expect(officeSelect()).toHaveValue('');
  });

  it('when submitted with no office, names the office in the summary and sends nothing', async () => {
    const sent = recordRegistrations();
    const { user } = await openRegister();
    await chooseOfficer(user);
    await fillOfficer(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(summary).toHaveFocus());
    const message = translate('en', 'validation.office');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([`Regional office: ${message}`]);
    expect(officeSelect()).toBeInvalid();
    expect(officeSelect()).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(sent).toHaveLength(0);

    await user.click(within(summary).getByRole('link', { name: /^Regional office:/ }));

    expect(officeSelect()).toHaveFocus();
  });

  it('when the BFF refuses the office, puts its message beside the office choice', async () => {
    const message = translate('en', 'problem.officeNotOpenForRegistration', { agency: mpeda.name });
    server.use(
      http.post('/api/registrations', () =>
        problemResponse(400, 'problem.badRequest', {}, [fieldProblem('officeId', 'problem.officeNotOpenForRegistration', { agency: mpeda.name })]),
      ),
    );
    const { user } = await openRegister();
    await chooseOfficer(user);
    await user.selectOptions(await screen.findByLabelText(/^Regional office/), officeOption(mpedaHeadOffice!));
    await fillOfficer(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    await waitFor(() => expect(officeSelect()).toHaveAccessibleDescription(expect.stringContaining(message)));
    expect(officeSelect()).toBeInvalid();
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: `Regional office: ${message}` })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Designation/)).toBeValid();
  });

  it('when the email is not at the agency’s domain, says so as for an administrator', async () => {
    const { user } = await openRegister();
    await chooseOfficer(user);

    await user.type(screen.getByLabelText(/^Official email/), 'anil.menon@gmail.com');
    await user.tab();

    const message = translate('en', 'problem.emailDomainNotOnRecord', { agency: mpeda.name, domains: 'mpeda.gov.in', domain: 'gmail.com' });
    expect(screen.getByLabelText(/^Official email/)).toHaveAccessibleDescription(expect.stringContaining(message));
  });

  it('when accepted, says a confirmation link went to the email and nothing reaches the administrator before it is opened, having sent the office and designation and no letter', async () => {
    const sent = recordRegistrations();
    const { user } = await openRegister();
    await chooseOfficer(user);
    await user.selectOptions(await screen.findByLabelText(/^Regional office/), officeOption(mpedaVizag!));
    await fillOfficer(user);

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Registration submitted' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(translate('en', 'register.done.officerBody', { reference: registrationReference(receiptId), agency: mpeda.name, email: 'anil.menon@mpeda.gov.in' }))).toBeInTheDocument();
    const body = screen.getByText(/^We sent a message to anil\.menon@mpeda\.gov\.in/);
    expect(body).toHaveTextContent('within 24 hours');
    expect(body).toHaveTextContent(`the administrator of ${mpeda.name}`);
    expect(body).toHaveTextContent('nothing reaches the administrator before you confirm');
    expect(body).toHaveTextContent('If the address already has an account or a request waiting, the message says so instead.');
    expect(screen.queryByText(/DGFT will review/)).not.toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0]!.map((part) => [part.name, 'value' in part ? part.value : 'file']))).toEqual({
      registerAs: 'coo-authorized-agency',
      agencyId: mpeda.id,
      role: 'officer',
      officeId: mpedaVizag!.id,
      designation: 'Assistant Director',
      name: 'Anil Menon',
      mobile: '9847054321',
      email: 'anil.menon@mpeda.gov.in',
    });
  });

  it('with the officer’s fields and their errors shown, has no axe violations and only catalogue text', async () => {
    const { user, container } = await openRegister();
    await chooseOfficer(user);
    await screen.findByRole('option', { name: officeOption(mpedaHeadOffice!) });

    await user.click(screen.getByRole('button', { name: 'Submit registration' }));
    await screen.findByRole('alert');

    expect(await axeViolations()).toEqual([]);
    const offices = Object.values(registrationOffices).flatMap((list) => list.items.flatMap((office) => [office.name, office.code, office.city]));
    expect(textOutsideCatalogue(container, [...agencyFixtures.map((agency) => agency.name), ...offices])).toEqual([]);
  });
});
