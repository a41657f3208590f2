import type { Agency } from '@ecoo/shared/agencies/schemas';
import { domainOf, EmailSchema } from '@ecoo/shared/common/fields';
import type { MessageKey } from '@ecoo/shared/i18n/en';
import type { MessageParams } from '@ecoo/shared/i18n/translate';
import type { FieldProblem } from '@ecoo/shared/problem';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { maxLetterBytes, RegistrationFieldsSchema, type RegistrationReceipt } from '@ecoo/shared/registrations/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { formatFileSize, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FilePicker } from '../../../components/ui/file-picker';
import { RadioGroupField } from '../../../components/ui/radio-group-field';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useAgencyChoices } from '../api/get-agency-choices';
import { useOfficeChoices } from '../api/get-office-choices';
import { useSubmitRegistration } from '../api/submit-registration';

type Role = 'administrator' | 'officer';

interface RegisterValues {
  registerAs: string;
  agencyId: string;
  role: Role;
  officeId: string;
  designation: string;
  name: string;
  mobile: string;
  email: string;
  letter: File | null;
}
type FieldName = keyof RegisterValues;

/**
 * Trade Notice 23/2024-25 §3.I.i for administrators, §3.II for officers: the same first steps, then
 * an officer's office and designation, or an administrator's letter. Page order of both.
 */
const fields: readonly FieldName[] = ['registerAs', 'agencyId', 'role', 'officeId', 'designation', 'name', 'mobile', 'email', 'letter'];
const officerOnly: FieldName[] = ['officeId', 'designation'];

const defaultValues: RegisterValues = {
  registerAs: 'coo-authorized-agency',
  agencyId: '',
  role: 'administrator',
  officeId: '',
  designation: '',
  name: '',
  mobile: '',
  email: '',
  letter: null,
};

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

/** What the chosen role sends: the schema is strict, so an officer's form carries no letter and an administrator's no office. */
function fieldsInput({ registerAs, agencyId, role, officeId, designation, name, mobile, email }: RegisterValues) {
  return role === 'officer' ? { registerAs, agencyId, role, officeId, designation, name, mobile, email } : { registerAs, agencyId, role, name, mobile, email };
}

/**
 * The same check and the same words as the BFF's emailDomainNotOnRecord, so the applicant learns at
 * once, not after uploading the letter, that only the agency's recorded domains are accepted.
 */
type Refusal = [code: MessageKey, params?: MessageParams];

function emailDomainProblem(email: string, agency: Agency | undefined): Refusal | undefined {
  const parsed = EmailSchema.safeParse(email);
  if (!agency || !parsed.success) return undefined;
  const domain = domainOf(parsed.data);
  if (agency.emailDomains.includes(domain)) return undefined;
  return ['problem.emailDomainNotOnRecord', { agency: agency.name, domains: agency.emailDomains.join(', '), domain }];
}

/** Size is checked here to spare a 5 MB upload that would be refused; the type is judged by the BFF from the content. */
function letterProblem(letter: File | null): Refusal | undefined {
  if (!letter) return ['validation.letter.missing'];
  if (letter.size > maxLetterBytes) return ['problem.fileTooLarge', { max: formatFileSize(maxLetterBytes) }];
  if (letter.size === 0) return ['problem.letterType', { detected: 'empty' }];
  return undefined;
}

export interface RegistrationSubmitted {
  receipt: RegistrationReceipt;
  role: Role;
  agencyName: string;
}

export function RegisterForm({ onSubmitted }: { onSubmitted: (submitted: RegistrationSubmitted) => void }) {
  const agencies = useAgencyChoices();
  const submission = useSubmitRegistration();
  const agencyOf = (agencyId: string) => agencies.data?.agencies.find((candidate) => candidate.id === agencyId);

  /** The client's own checks beside the schema's: the email's domain (it needs the chosen agency) and an administrator's letter. */
  function refineProblems(problems: FieldProblem[], values: RegisterValues): FieldProblem[] {
    const refined = [...problems];
    const add = (path: FieldName, refusal: Refusal | undefined) => {
      if (refusal && !refined.some((problem) => problem.path === path)) refined.push(fieldProblem(path, ...refusal));
    };
    add('email', emailDomainProblem(values.email, agencyOf(values.agencyId)));
    if (values.role === 'administrator') add('letter', letterProblem(values.letter));
    return refined;
  }

  const form = useSchemaForm({
    id: 'register',
    schema: RegistrationFieldsSchema,
    defaultValues,
    labels: {
      registerAs: t('register.registerAs'),
      agencyId: t('register.agency'),
      role: t('register.role'),
      officeId: t('register.office'),
      designation: t('register.designation'),
      name: t('register.name'),
      mobile: t('register.mobile'),
      email: t('register.email'),
      letter: t('register.letter'),
    },
    fields,
    toInput: fieldsInput,
    refineProblems,
    fieldOfCode: (code) => (letterProblemCodes.has(code) ? 'letter' : undefined),
  });
  const { labels } = form;
  const [role, agencyId] = form.watch(['role', 'agencyId']);
  const agency = agencyOf(agencyId);
  const offices = useOfficeChoices(role === 'officer' ? agencyId : '');

  function afterAgencyChange() {
    // Another agency has other offices.
    form.setValue('officeId', '');
    // The email's domain is judged against the agency: an address already given is judged again.
    if (form.getFieldState('email').isTouched) void form.trigger('email');
  }

  // The other role's fields leave the page, and their errors with them.
  const afterRoleChange = (next: Role) => form.clearErrors(next === 'officer' ? ['letter'] : officerOnly);

  const submit = form.submitWith((fields, values) =>
    submission.mutate(
      { fields, letter: values.role === 'administrator' && values.letter ? values.letter : undefined },
      { onSuccess: (receipt) => onSubmitted({ receipt, role: values.role, agencyName: agencyOf(values.agencyId)?.name ?? '' }), onError: form.showProblem },
    ),
  );

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary form={form} />
      {agencies.isError && <Alert tone="error">{problemMessage(agencies.error)}</Alert>}
      <FormField
        form={form}
        name="registerAs"
        render={(field) => (
          <SelectField {...field} label={labels.registerAs} isRequired options={[{ value: 'coo-authorized-agency', label: t('register.registerAs.agency') }]} />
        )}
      />
      <FormField
        form={form}
        name="agencyId"
        render={(field) => (
          <SelectField
            {...field}
            label={labels.agencyId}
            hint={agency ? t('register.agency.domains', { domains: agency.emailDomains.join(', ') }) : undefined}
            isRequired
            onChange={(value) => {
              field.onChange(value);
              afterAgencyChange();
            }}
            placeholder={agencies.isPending ? t('app.loading') : t('register.agency.choose')}
            options={(agencies.data?.agencies ?? []).map((choice) => ({ value: choice.id, label: choice.name }))}
          />
        )}
      />
      <FormField
        form={form}
        name="role"
        render={(field) => (
          <RadioGroupField
            {...field}
            label={labels.role}
            hint={t('register.role.hint')}
            isRequired
            onChange={(value) => {
              field.onChange(value as Role);
              afterRoleChange(value as Role);
            }}
            options={[
              { value: 'administrator', label: t('registrationRole.administrator') },
              { value: 'officer', label: t('registrationRole.officer') },
            ]}
          />
        )}
      />
      {role === 'officer' && (
        <>
          {offices.isError && <Alert tone="error">{problemMessage(offices.error)}</Alert>}
          <FormField
            form={form}
            name="officeId"
            render={(field) => (
              <SelectField
                {...field}
                label={labels.officeId}
                hint={agency && offices.data?.items.length === 0 ? t('register.office.none', { agency: agency.name }) : undefined}
                isRequired
                aria-busy={offices.isLoading || undefined}
                placeholder={agencyId === '' ? t('register.office.chooseAgencyFirst') : offices.isLoading ? t('app.loading') : t('register.office.choose')}
                options={(offices.data?.items ?? []).map((office) => ({ value: office.id, label: t('register.office.option', office) }))}
              />
            )}
          />
          <FormField
            form={form}
            name="designation"
            render={(field) => <TextField {...field} label={labels.designation} hint={t('register.designation.hint')} autoComplete="organization-title" isRequired />}
          />
        </>
      )}
      <FormField form={form} name="name" render={(field) => <TextField {...field} label={labels.name} autoComplete="name" isRequired />} />
      <FormField
        form={form}
        name="mobile"
        render={(field) => (
          <TextField {...field} label={labels.mobile} hint={t('register.mobile.hint')} type="tel" inputMode="numeric" autoComplete="tel-national" isRequired />
        )}
      />
      <FormField
        form={form}
        name="email"
        render={(field) => <TextField {...field} label={labels.email} type="email" autoComplete="email" spellCheck={false} isRequired />}
      />
      {role === 'administrator' && (
        <FormField
          form={form}
          name="letter"
          checkOnChange
          render={(field) => (
            <FilePicker
              id={field.id}
              label={labels.letter}
              hint={t('register.letter.hint')}
              accept={letterAccept}
              isRequired
              file={field.value}
              onChange={field.onChange}
              error={field.error}
            />
          )}
        />
      )}
      <div className="form__actions">
        <Button type="submit" isBusy={submission.isPending}>
          {t('register.submit')}
        </Button>
      </div>
    </form>
  );
}
