import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { OfficeMappingSchema, type Officer, type OfficerOffice } from '@ecoo/shared/officers/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField, type BoundField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { controlAria, FieldNotes } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { useOfficeChoices } from '../api/get-office-choices';
import { useMapOfficerOffices } from '../api/map-officer-offices';

/**
 * Trade Notice 23/2024-25 §3.I.viii: map an issuing officer to one or more of the agency's offices.
 * Only active offices are offered; the BFF refuses any other (409), and at least one is needed.
 */
export function OfficeMappingForm({ officer }: { officer: Officer }) {
  const offices = useOfficeChoices();
  return (
    <section className="section" aria-labelledby="officer-mapping">
      <h2 id="officer-mapping">{t('officers.mapping')}</h2>
      {offices.isPending ? (
        <Loading />
      ) : offices.isError ? (
        <Alert tone="error">{problemMessage(offices.error)}</Alert>
      ) : (
        <MappingForm officer={officer} activeOffices={offices.data.filter((office) => office.isActive)} />
      )}
    </section>
  );
}

function MappingForm({ officer, activeOffices }: { officer: Officer; activeOffices: readonly OfficerOffice[] }) {
  const [isSaved, setIsSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const mapping = useMapOfficerOffices();
  const form = useSchemaForm({
    id: 'officer-mapping',
    schema: OfficeMappingSchema,
    fields: ['officeIds'],
    labels: { officeIds: t('officers.mapping.legend') },
    defaultValues: { officeIds: officer.offices.filter((office) => office.isActive).map((office) => office.id) },
    // Only the active offices on the page, in page order.
    toInput: ({ officeIds }) => ({ officeIds: activeOffices.filter((office) => officeIds.includes(office.id)).map((office) => office.id) }),
  });

  useEffect(() => {
    if (isSaved) savedRef.current?.focus();
  }, [isSaved]);

  const submitMapping = form.submitWith((input) => mapping.mutate({ userId: officer.id, input }, { onSuccess: () => setIsSaved(true), onError: form.showProblem }));
  const submit = (event: FormEvent) => {
    setIsSaved(false);
    return submitMapping(event);
  };

  if (activeOffices.length === 0) return <p className="empty">{t('officers.mapping.noOffices')}</p>;
  return (
    <form className="form" noValidate onSubmit={submit}>
      {isSaved && (
        <Alert ref={savedRef} tone="success">
          {t('officers.mapping.saved')}
        </Alert>
      )}
      <FormErrorSummary form={form} />
      <FormField
        form={form}
        name="officeIds"
        render={(field) => (
          <OfficeCheckboxes
            {...field}
            label={form.labels.officeIds}
            offices={activeOffices}
            onChange={(officeIds) => {
              setIsSaved(false);
              field.onChange(officeIds);
            }}
          />
        )}
      />
      <Button type="submit" isBusy={mapping.isPending}>
        {t('officers.mapping.save')}
      </Button>
    </form>
  );
}

/**
 * The offices as checkboxes in a fieldset. The summary's link goes to the first box; the group's
 * error is read out with each box. The group is left (and checked) when focus leaves the last box,
 * not when it moves from one box to the next.
 */
function OfficeCheckboxes({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  offices,
}: BoundField<string[]> & { label: string; offices: readonly OfficerOffice[] }) {
  const hint = t('officers.mapping.hint');
  const leave = (event: FocusEvent<HTMLFieldSetElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onBlur();
  };
  const toggle = (officeId: string, isChecked: boolean) => onChange(isChecked ? [...value, officeId] : value.filter((chosen) => chosen !== officeId));

  return (
    <fieldset className={error ? 'fieldset field--error' : 'fieldset'} aria-describedby={controlAria({ id, hint, error })['aria-describedby']} onBlur={leave}>
      <legend className="fieldset__legend">{label}</legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {offices.map((office, index) => {
        const boxId = index === 0 ? id : `${id}-${office.id}`;
        return (
          <div key={office.id} className="field field--checkbox">
            <input
              id={boxId}
              type="checkbox"
              className="field__checkbox"
              name="officeIds"
              value={office.id}
              checked={value.includes(office.id)}
              aria-invalid={error ? true : undefined}
              onChange={(event) => toggle(office.id, event.target.checked)}
            />
            <label className="field__label" htmlFor={boxId}>
              {t('officers.mapping.office', { name: office.name, code: office.code })}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
