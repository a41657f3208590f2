import { useState, type FormEvent } from 'react';
import type { SpecimenChoices } from '@ecoo/shared/specimens/schemas';
import { errorsFromProblem, type FormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { useRequestSpecimen } from '../api/request-specimen';
import { officeReasons, officerReasons } from './specimen-choices';

const fields = ['officeId', 'officerId'] as const;
type Field = (typeof fields)[number];
const idOf = (field: Field) => `specimen-${field}`;
const noErrors: FormErrors<Field> = { fields: {}, form: null };

/** Those that cannot be chosen, each with why, so the administrator knows what to mend and where. */
function Unavailable({ id, title, entries }: { id: string; title: string; entries: Array<{ id: string; name: string; reasons: string[] }> }) {
  if (entries.length === 0) return null;
  return (
    <div className="specimen-unavailable">
      <p id={id}>{title}</p>
      <ul aria-labelledby={id}>
        {entries.map((entry) => (
          <li key={entry.id}>{t('specimens.unavailableItem', { name: entry.name, reasons: entry.reasons.join(', ') })}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Choose an office, then one of its officers: only those that can carry a specimen are offered, the
 * others are listed with the reason. The BFF checks the same again and its refusal lands on the field.
 */
export function SpecimenRequestForm({ choices }: { choices: SpecimenChoices }) {
  const [officeId, setOfficeId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [errors, setErrors] = useState(noErrors);
  const [attempt, setAttempt] = useState(0);
  const request = useRequestSpecimen();

  const offices = choices.offices.filter((office) => office.blockers.length === 0);
  const officers = officeId ? choices.officers.filter((officer) => officerReasons(officer, officeId).length === 0) : [];
  const unavailableOffices = choices.offices.filter((office) => office.blockers.length > 0).map((office) => ({ id: office.id, name: t('specimens.officeOption', { name: office.name, code: office.code }), reasons: officeReasons(office) }));
  const unavailableOfficers = officeId
    ? choices.officers
        .map((officer) => ({ id: officer.id, name: officer.name, reasons: officerReasons(officer, officeId) }))
        .filter((entry) => entry.reasons.length > 0)
    : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormErrors<Field>['fields'] = {
      ...(officeId ? {} : { officeId: t('specimens.chooseOffice') }),
      ...(officerId ? {} : { officerId: t('specimens.chooseOfficer') }),
    };
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, form: null });
      setAttempt((count) => count + 1);
      return;
    }
    setErrors(noErrors);
    request.mutate(
      { officeId, officerId },
      {
        onSuccess: () => setOfficerId(''),
        onError: (error) => {
          setErrors(errorsFromProblem(error, fields));
          setAttempt((count) => count + 1);
        },
      },
    );
  }

  if (offices.length === 0) {
    return (
      <section className="section" aria-labelledby="specimen-form-title">
        <h2 id="specimen-form-title">{t('specimens.form.title')}</h2>
        <p>{t('specimens.noOfficeChoosable')}</p>
        <Unavailable id="specimen-unavailable-offices" title={t('specimens.unavailable.offices')} entries={unavailableOffices} />
      </section>
    );
  }

  return (
    <section className="section" aria-labelledby="specimen-form-title">
      <h2 id="specimen-form-title">{t('specimens.form.title')}</h2>
      <ErrorSummary fields={fields} labels={{ officeId: t('specimens.office'), officerId: t('specimens.officer') }} fieldErrors={errors.fields} formError={errors.form} attempt={attempt} idOf={idOf} />
      <form className="form" noValidate onSubmit={submit}>
        <SelectField
          id={idOf('officeId')}
          label={t('specimens.office')}
          isRequired
          value={officeId}
          onChange={(value) => {
            setOfficeId(value);
            setOfficerId('');
            setErrors(noErrors);
          }}
          options={offices.map((office) => ({ value: office.id, label: t('specimens.officeOption', { name: office.name, code: office.code }) }))}
          placeholder={t('specimens.chooseOffice')}
          error={errors.fields.officeId}
        />
        <Unavailable id="specimen-unavailable-offices" title={t('specimens.unavailable.offices')} entries={unavailableOffices} />
        <SelectField
          id={idOf('officerId')}
          label={t('specimens.officer')}
          hint={t('specimens.officer.hint')}
          isRequired
          value={officerId}
          onChange={(value) => {
            setOfficerId(value);
            setErrors((current) => ({ ...current, fields: { ...current.fields, officerId: undefined } }));
          }}
          options={officers.map((officer) => ({ value: officer.id, label: t('specimens.officerOption', { name: officer.name, designation: officer.designation }) }))}
          placeholder={t('specimens.chooseOfficer')}
          error={errors.fields.officerId}
        />
        {officeId && officers.length === 0 && <p>{t('specimens.noOfficerChoosable')}</p>}
        <Unavailable id="specimen-unavailable-officers" title={t('specimens.unavailable.officers')} entries={unavailableOfficers} />
        <Button type="submit" isBusy={request.isPending}>
          {t('specimens.request')}
        </Button>
      </form>
      {request.isSuccess && <Alert tone="success">{t('specimens.requested')}</Alert>}
    </section>
  );
}
