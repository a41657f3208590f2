import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Office } from '@ecoo/shared/offices/schemas';
import { OfficeMappingSchema, type Officer } from '@ecoo/shared/officers/schemas';
import { errorsFromIssues, errorsFromProblem, problemMessage, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { useAgencyOffices } from '../api/get-agency-offices';
import { useMapOfficerOffices } from '../api/map-officer-offices';

const fields = ['officeIds'] as const;

/**
 * Trade Notice 23/2024-25 §3.I.viii: map an issuing officer to one or more of the agency's offices.
 * Only active offices are offered; the BFF refuses any other (409), and at least one is needed.
 */
export function OfficeMappingForm({ officer }: { officer: Officer }) {
  const offices = useAgencyOffices();
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

function MappingForm({ officer, activeOffices }: { officer: Officer; activeOffices: readonly Office[] }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(officer.offices.filter((office) => office.isActive).map((office) => office.id)));
  const [isSaved, setIsSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const errors = useFormErrors<(typeof fields)[number]>('officer-mapping');
  const mapping = useMapOfficerOffices();
  const labels = { officeIds: t('officers.mapping.legend') };
  // The summary's link goes to the first box; the group's error is read out with each box.
  const firstBoxId = errors.idOf('officeIds');
  const errorId = `${firstBoxId}-error`;

  useEffect(() => {
    if (isSaved) savedRef.current?.focus();
  }, [isSaved]);

  function toggle(officeId: string, isChecked: boolean) {
    setIsSaved(false);
    setChosen((previous) => {
      const next = new Set(previous);
      if (isChecked) next.add(officeId);
      else next.delete(officeId);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaved(false);
    const parsed = OfficeMappingSchema.safeParse({ officeIds: activeOffices.filter((office) => chosen.has(office.id)).map((office) => office.id) });
    if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
    errors.clear();
    mapping.mutate({ userId: officer.id, input: parsed.data }, { onSuccess: () => setIsSaved(true), onError: (error) => errors.show(errorsFromProblem(error, fields)) });
  }

  if (activeOffices.length === 0) return <p className="empty">{t('officers.mapping.noOffices')}</p>;
  const error = errors.fieldErrors.officeIds;
  return (
    <form className="form" noValidate onSubmit={submit}>
      {isSaved && (
        <Alert ref={savedRef} tone="success">
          {t('officers.mapping.saved')}
        </Alert>
      )}
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      <fieldset className={error ? 'fieldset field--error' : 'fieldset'} aria-describedby={`${firstBoxId}-hint${error ? ` ${errorId}` : ''}`}>
        <legend className="fieldset__legend">{labels.officeIds}</legend>
        <p className="field__hint" id={`${firstBoxId}-hint`}>
          {t('officers.mapping.hint')}
        </p>
        {error && (
          <p className="field__error" id={errorId}>
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </p>
        )}
        {activeOffices.map((office, index) => {
          const id = index === 0 ? firstBoxId : `${firstBoxId}-${office.id}`;
          return (
            <div key={office.id} className="field field--checkbox">
              <input
                id={id}
                type="checkbox"
                className="field__checkbox"
                name="officeIds"
                value={office.id}
                checked={chosen.has(office.id)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(office.id, event.target.checked)}
              />
              <label className="field__label" htmlFor={id}>
                {t('officers.mapping.office', { name: office.name, code: office.code })}
              </label>
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" isBusy={mapping.isPending}>
        {t('officers.mapping.save')}
      </Button>
    </form>
  );
}
