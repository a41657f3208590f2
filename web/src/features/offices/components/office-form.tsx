import { Link, useNavigate } from 'react-router';
import { indianStates } from '@ecoo/shared/offices/indian-states';
import { isChecksumKeyChar, isMerchantIdChar } from '@ecoo/shared/offices/payment-params';
import { OfficeCreateSchema, OfficeUpdateSchema, type Office } from '@ecoo/shared/offices/schemas';
import { paths } from '../../../config/paths';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
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
  const creation = useCreateOffice();
  const update = useUpdateOffice();
  const navigate = useNavigate();
  const form = useSchemaForm({
    id: 'office',
    // The whole form is judged even when one field is checked: the GSTIN's state rule needs the state too.
    schema: isEdit ? OfficeUpdateSchema : OfficeCreateSchema,
    fields,
    labels: labelsOf(),
    defaultValues: valuesOf(office),
    toInput: isEdit ? updateInputOf : undefined,
    fieldOfCode: (code) => (code === 'problem.officeCodeTaken' ? 'code' : undefined),
  });
  const { labels } = form;

  const submit = form.submitWith((input) => {
    const options = {
      onSuccess: (saved: Office) => void navigate(paths.dashboard.office.getHref(saved.id), { state: { isSaved: true } }),
      onError: form.showProblem,
    };
    if (office) update.mutate({ officeId: office.id, input }, options);
    // On create the schema is OfficeCreateSchema, which requires the key.
    else if (input.checksumKey !== undefined) creation.mutate({ ...input, checksumKey: input.checksumKey }, options);
  });

  const text = (field: TextFieldName, extra: { isRequired?: boolean; hint?: string; autoComplete?: string; inputMode?: 'numeric' | 'tel' | 'email' } = {}) => (
    <FormField form={form} name={field} render={(bound) => <TextField {...bound} label={labels[field]} {...extra} />} />
  );

  return (
    <form className="form office-form" noValidate onSubmit={submit}>
      <FormErrorSummary form={form} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('offices.form.officeSection')}</legend>
        {text('name', { isRequired: true, autoComplete: 'organization' })}
        <FormField
          form={form}
          name="code"
          render={(field) => (
            <TextField {...field} label={labels.code} hint={t('offices.field.code.hint')} isRequired spellCheck={false} autoCapitalize="characters" />
          )}
        />
        {text('addressLine1', { isRequired: true, autoComplete: 'address-line1' })}
        {text('addressLine2', { autoComplete: 'address-line2' })}
        {text('city', { isRequired: true, autoComplete: 'address-level2' })}
        <FormField
          form={form}
          name="state"
          render={(field) => (
            <SelectField {...field} label={labels.state} isRequired placeholder={t('offices.field.state.choose')} options={stateOptions} />
          )}
        />
        {text('pinCode', { isRequired: true, inputMode: 'numeric', autoComplete: 'postal-code' })}
        {text('phone', { isRequired: true, inputMode: 'tel', autoComplete: 'tel', hint: t('offices.field.phone.hint') })}
        {text('email', { isRequired: true, inputMode: 'email', autoComplete: 'email' })}
        {text('gstin', { isRequired: true })}
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('offices.form.paymentSection')}</legend>
        <p className="warning-text">{t('offices.paymentWarning')}</p>
        <FormField
          form={form}
          name="merchantId"
          render={(field) => (
            <PaymentParamField {...field} label={labels.merchantId} hint={t('offices.field.merchantId.hint')} isRequired isAllowed={isMerchantIdChar} />
          )}
        />
        <FormField
          form={form}
          name="checksumKey"
          render={(field) => (
            <PaymentParamField
              {...field}
              label={labels.checksumKey}
              hint={t('offices.field.checksumKey.hint')}
              isRequired={!isEdit}
              isAllowed={isChecksumKeyChar}
              note={office ? (office.checksumKeyFingerprint ? t('offices.key.stored', { fingerprint: office.checksumKeyFingerprint }) : t('offices.key.noneStored')) : undefined}
            />
          )}
        />
        <FormField
          form={form}
          name="isEWalletEnabled"
          render={(field) => (
            <div className="field field--checkbox">
              <input
                id={field.id}
                name="isEWalletEnabled"
                type="checkbox"
                className="field__checkbox"
                checked={field.value}
                onChange={(event) => field.onChange(event.target.checked)}
                onBlur={field.onBlur}
              />
              <label className="field__label" htmlFor={field.id}>
                {labels.isEWalletEnabled}
              </label>
            </div>
          )}
        />
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
