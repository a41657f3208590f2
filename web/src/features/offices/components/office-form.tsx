import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { indianStates } from '@ecoo/shared/offices/indian-states';
import { isChecksumKeyChar, isMerchantIdChar } from '@ecoo/shared/offices/payment-params';
import { OfficeCreateSchema, OfficeUpdateSchema, type Office } from '@ecoo/shared/offices/schemas';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';
import { paths } from '../../../config/paths';
import { errorsFromIssues, errorsFromProblem, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useCreateOffice } from '../api/create-office';
import { useUpdateOffice } from '../api/update-office';
import { PaymentParamField } from './payment-param-field';

const fields = [
  'name',
  'code',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'pinCode',
  'phone',
  'email',
  'gstin',
  'merchantId',
  'checksumKey',
  'isEWalletEnabled',
] as const;
type OfficeField = (typeof fields)[number];
type TextFieldName = Exclude<OfficeField, 'isEWalletEnabled'>;
type Values = Record<TextFieldName, string> & { isEWalletEnabled: boolean };

const stateOptions = indianStates.map((state) => ({ value: state.name, label: state.name }));

function valuesOf(office: Office | null): Values {
  return {
    name: office?.name ?? '',
    code: office?.code ?? '',
    addressLine1: office?.addressLine1 ?? '',
    addressLine2: office?.addressLine2 ?? '',
    city: office?.city ?? '',
    state: office?.state ?? '',
    pinCode: office?.pinCode ?? '',
    phone: office?.phone ?? '',
    email: office?.email ?? '',
    gstin: office?.gstin ?? '',
    merchantId: office?.merchantId ?? '',
    // Never the stored key: the BFF does not send it, and an empty field on edit keeps it.
    checksumKey: '',
    isEWalletEnabled: office?.isEWalletEnabled ?? false,
  };
}

/** On edit an empty key field sends no checksumKey at all, which tells the BFF to keep the stored one. */
function updateInputOf(values: Values) {
  const { checksumKey, ...rest } = values;
  return checksumKey === '' ? rest : values;
}

function parse(values: Values, isEdit: boolean) {
  return isEdit ? OfficeUpdateSchema.safeParse(updateInputOf(values)) : OfficeCreateSchema.safeParse(values);
}

function labelsOf(): Record<OfficeField, string> {
  return {
    name: t('offices.field.name'),
    code: t('offices.field.code'),
    addressLine1: t('offices.field.addressLine1'),
    addressLine2: t('offices.field.addressLine2'),
    city: t('offices.field.city'),
    state: t('offices.field.state'),
    pinCode: t('offices.field.pinCode'),
    phone: t('offices.field.phone'),
    email: t('offices.field.email'),
    gstin: t('offices.field.gstin'),
    merchantId: t('offices.field.merchantId'),
    checksumKey: t('offices.field.checksumKey'),
    isEWalletEnabled: t('offices.field.isEWalletEnabled'),
  };
}

/** "Add office details" and its edit: one form, checked with the shared schema as the user goes and again on submit. */
export function OfficeForm({ office }: { office: Office | null }) {
  const isEdit = office !== null;
  const [values, setValues] = useState<Values>(() => valuesOf(office));
  const [touched, setTouched] = useState<ReadonlySet<OfficeField>>(new Set());
  const errors = useFormErrors<OfficeField>('office');
  const creation = useCreateOffice();
  const update = useUpdateOffice();
  const navigate = useNavigate();
  const labels = labelsOf();

  /** The field's own message from the whole form's check (the GSTIN's state rule needs the state too). */
  function check(field: OfficeField, next: Values) {
    const parsed = parse(next, isEdit);
    const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
    errors.setFieldError(field, problems.find((problem) => problem.path === field)?.message);
  }

  function change<F extends OfficeField>(field: F, value: Values[F]) {
    const next = { ...values, [field]: value };
    setValues(next);
    setTouched((previous) => new Set(previous).add(field));
    // Once a field shows an error, it follows the typing, so the message goes as soon as it is right.
    if (errors.fieldErrors[field]) check(field, next);
  }

  // Leaving a field the user has not typed in says nothing: tabbing through is not a mistake.
  const blur = (field: OfficeField) => () => {
    if (touched.has(field)) check(field, values);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const options = {
      onSuccess: (saved: Office) => void navigate(paths.dashboard.office.getHref(saved.id), { state: { isSaved: true } }),
      onError: (error: unknown) => errors.show(errorsFromProblem(error, fields, (code) => (code === 'problem.officeCodeTaken' ? 'code' : undefined))),
    };
    if (office) {
      const parsed = OfficeUpdateSchema.safeParse(updateInputOf(values));
      if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
      errors.clear();
      update.mutate({ officeId: office.id, input: parsed.data }, options);
    } else {
      const parsed = OfficeCreateSchema.safeParse(values);
      if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
      errors.clear();
      creation.mutate(parsed.data, options);
    }
  }

  const text = (field: TextFieldName, extra: { isRequired?: boolean; hint?: string; autoComplete?: string; inputMode?: 'numeric' | 'tel' | 'email' } = {}) => (
    <TextField
      id={errors.idOf(field)}
      label={labels[field]}
      value={values[field]}
      onChange={(value) => change(field, value)}
      onBlur={blur(field)}
      error={errors.fieldErrors[field]}
      {...extra}
    />
  );

  return (
    <form className="form office-form" noValidate onSubmit={submit}>
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('offices.form.officeSection')}</legend>
        {text('name', { isRequired: true, autoComplete: 'organization' })}
        <TextField
          id={errors.idOf('code')}
          label={labels.code}
          hint={t('offices.field.code.hint')}
          isRequired
          spellCheck={false}
          autoCapitalize="characters"
          value={values.code}
          onChange={(value) => change('code', value)}
          onBlur={blur('code')}
          error={errors.fieldErrors.code}
        />
        {text('addressLine1', { isRequired: true, autoComplete: 'address-line1' })}
        {text('addressLine2', { autoComplete: 'address-line2' })}
        {text('city', { isRequired: true, autoComplete: 'address-level2' })}
        <SelectField
          id={errors.idOf('state')}
          label={labels.state}
          isRequired
          placeholder={t('offices.field.state.choose')}
          options={stateOptions}
          value={values.state}
          onChange={(value) => change('state', value)}
          onBlur={blur('state')}
          error={errors.fieldErrors.state}
        />
        {text('pinCode', { isRequired: true, inputMode: 'numeric', autoComplete: 'postal-code' })}
        {text('phone', { isRequired: true, inputMode: 'tel', autoComplete: 'tel', hint: t('offices.field.phone.hint') })}
        {text('email', { isRequired: true, inputMode: 'email', autoComplete: 'email' })}
        {text('gstin', { isRequired: true })}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('offices.form.paymentSection')}</legend>
        <p className="warning-text">{t('offices.paymentWarning')}</p>
        <PaymentParamField
          id={errors.idOf('merchantId')}
          label={labels.merchantId}
          hint={t('offices.field.merchantId.hint')}
          isRequired
          isAllowed={isMerchantIdChar}
          value={values.merchantId}
          onChange={(value) => change('merchantId', value)}
          onBlur={blur('merchantId')}
          error={errors.fieldErrors.merchantId}
        />
        <PaymentParamField
          id={errors.idOf('checksumKey')}
          label={labels.checksumKey}
          hint={t('offices.field.checksumKey.hint')}
          isRequired={!isEdit}
          isAllowed={isChecksumKeyChar}
          note={office ? (office.checksumKeyFingerprint ? t('offices.key.stored', { fingerprint: office.checksumKeyFingerprint }) : t('offices.key.noneStored')) : undefined}
          value={values.checksumKey}
          onChange={(value) => change('checksumKey', value)}
          onBlur={blur('checksumKey')}
          error={errors.fieldErrors.checksumKey}
        />
        <div className="field field--checkbox">
          <input
            id={errors.idOf('isEWalletEnabled')}
            name="isEWalletEnabled"
            type="checkbox"
            className="field__checkbox"
            checked={values.isEWalletEnabled}
            onChange={(event) => change('isEWalletEnabled', event.target.checked)}
          />
          <label className="field__label" htmlFor={errors.idOf('isEWalletEnabled')}>
            {labels.isEWalletEnabled}
          </label>
        </div>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" isBusy={creation.isPending || update.isPending}>
          {t('offices.save')}
        </Button>
        <Link className="button button--secondary" to={office ? paths.dashboard.office.getHref(office.id) : paths.dashboard.offices.getHref()}>
          {t('offices.cancel')}
        </Link>
      </div>
    </form>
  );
}
