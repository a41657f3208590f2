import { useState, type FormEvent } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { domainOf, EmailSchema } from '@ecoo/shared/common/fields';
import { maxLetterBytes, RegistrationFieldsSchema, type RegistrationReceipt } from '@ecoo/shared/registrations/schemas';
import { errorsFromIssues, errorsFromProblem, problemMessage, useFormErrors, type FormErrors } from '../../../lib/form-errors';
import { formatFileSize, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { FilePicker } from '../../../components/ui/file-picker';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useAgencyChoices } from '../api/get-agency-choices';
import { useSubmitRegistration } from '../api/submit-registration';

const fields = ['registerAs', 'agencyId', 'role', 'name', 'mobile', 'email', 'letter'] as const;
type FieldName = (typeof fields)[number];

const letterAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The BFF refuses a letter without naming a field; these codes all belong beside the file input. */
const letterProblemCodes = new Set([
  'problem.letterType',
  'problem.fileTooLarge',
  'problem.payloadTooLarge',
  'problem.letterUnreadable',
  'problem.letterActiveContent',
  'problem.letterEncrypted',
  'problem.letterTooManyPixels',
  'problem.unexpectedFile',
  'problem.multipartMalformed',
]);

/**
 * The same check and the same words as the BFF's emailDomainNotOnRecord, so the applicant learns at
 * once, not after uploading the letter, that only the agency's recorded domains are accepted.
 */
function emailDomainProblem(email: string, agency: Agency | undefined): string | undefined {
  const parsed = EmailSchema.safeParse(email);
  if (!agency || !parsed.success) return undefined;
  const domain = domainOf(parsed.data);
  if (agency.emailDomains.includes(domain)) return undefined;
  return t('problem.emailDomainNotOnRecord', { agency: agency.name, domains: agency.emailDomains.join(', '), domain });
}

/** Size is checked here to spare a 5 MB upload that would be refused; the type is judged by the BFF from the content. */
function letterProblem(letter: File | null): string | undefined {
  if (!letter) return t('validation.letter.missing');
  if (letter.size > maxLetterBytes) return t('problem.fileTooLarge', { max: formatFileSize(maxLetterBytes) });
  if (letter.size === 0) return t('problem.letterType', { detected: 'empty' });
  return undefined;
}

export function RegisterForm({ onSubmitted }: { onSubmitted: (receipt: RegistrationReceipt) => void }) {
  const [values, setValues] = useState({ registerAs: 'coo-authorized-agency', agencyId: '', role: 'administrator', name: '', mobile: '', email: '' });
  const [letter, setLetter] = useState<File | null>(null);
  const errors = useFormErrors<FieldName>('register');
  const agencies = useAgencyChoices();
  const submission = useSubmitRegistration();
  const labels: Record<FieldName, string> = {
    registerAs: t('register.registerAs'),
    agencyId: t('register.agency'),
    role: t('register.role'),
    name: t('register.name'),
    mobile: t('register.mobile'),
    email: t('register.email'),
    letter: t('register.letter'),
  };
  const agency = agencies.data?.agencies.find((candidate) => candidate.id === values.agencyId);

  const change = (field: Exclude<FieldName, 'letter'>) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  function checkEmailDomain(email: string, chosen: Agency | undefined) {
    // Only a well-formed address is judged here; its format is reported on submit.
    if (EmailSchema.safeParse(email).success) errors.setFieldError('email', emailDomainProblem(email, chosen));
  }

  function chooseAgency(agencyId: string) {
    change('agencyId')(agencyId);
    if (values.email) checkEmailDomain(values.email, agencies.data?.agencies.find((candidate) => candidate.id === agencyId));
  }

  function chooseLetter(file: File | null) {
    setLetter(file);
    errors.setFieldError('letter', file ? letterProblem(file) : undefined);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = RegistrationFieldsSchema.safeParse(values);
    const found: FormErrors<FieldName> = parsed.success ? { fields: {}, form: null } : errorsFromIssues(parsed.error.issues, fields);
    found.fields.email ??= emailDomainProblem(values.email, agency);
    found.fields.letter = letterProblem(letter);
    if (!parsed.success || !letter || Object.values(found.fields).some(Boolean)) return errors.show(found);
    errors.clear();
    submission.mutate(
      { fields: parsed.data, letter },
      {
        onSuccess: onSubmitted,
        onError: (error) => errors.show(errorsFromProblem(error, fields, (code) => (letterProblemCodes.has(code) ? 'letter' : undefined))),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      {agencies.isError && <Alert tone="error">{problemMessage(agencies.error)}</Alert>}
      <SelectField
        id={errors.idOf('registerAs')}
        label={labels.registerAs}
        isRequired
        value={values.registerAs}
        onChange={change('registerAs')}
        options={[{ value: 'coo-authorized-agency', label: t('register.registerAs.agency') }]}
        error={errors.fieldErrors.registerAs}
      />
      <SelectField
        id={errors.idOf('agencyId')}
        label={labels.agencyId}
        hint={agency ? t('register.agency.domains', { domains: agency.emailDomains.join(', ') }) : undefined}
        isRequired
        value={values.agencyId}
        onChange={chooseAgency}
        placeholder={agencies.isPending ? t('app.loading') : t('register.agency.choose')}
        options={(agencies.data?.agencies ?? []).map((choice) => ({ value: choice.id, label: choice.name }))}
        error={errors.fieldErrors.agencyId}
      />
      <SelectField
        id={errors.idOf('role')}
        label={labels.role}
        isRequired
        value={values.role}
        onChange={change('role')}
        options={[{ value: 'administrator', label: t('registrationRole.administrator') }]}
        error={errors.fieldErrors.role}
      />
      <TextField
        id={errors.idOf('name')}
        label={labels.name}
        autoComplete="name"
        isRequired
        value={values.name}
        onChange={change('name')}
        error={errors.fieldErrors.name}
      />
      <TextField
        id={errors.idOf('mobile')}
        label={labels.mobile}
        hint={t('register.mobile.hint')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        isRequired
        value={values.mobile}
        onChange={change('mobile')}
        error={errors.fieldErrors.mobile}
      />
      <TextField
        id={errors.idOf('email')}
        label={labels.email}
        type="email"
        autoComplete="email"
        spellCheck={false}
        isRequired
        value={values.email}
        onChange={change('email')}
        onBlur={(event) => checkEmailDomain(event.target.value, agency)}
        error={errors.fieldErrors.email}
      />
      <FilePicker
        id={errors.idOf('letter')}
        label={labels.letter}
        hint={t('register.letter.hint')}
        accept={letterAccept}
        isRequired
        file={letter}
        onChange={chooseLetter}
        error={errors.fieldErrors.letter}
      />
      <div className="form__actions">
        <Button type="submit" isBusy={submission.isPending}>
          {t('register.submit')}
        </Button>
      </div>
    </form>
  );
}
