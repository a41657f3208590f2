import { useState, type FormEvent } from 'react';
import { DeactivationSchema, type Deactivation } from '@ecoo/shared/officers/schemas';
import { errorsFromIssues, errorsFromProblem, useFormErrors, type FormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';

const fields = ['effectiveDate', 'reason'] as const;
type Field = (typeof fields)[number];

/** Today's date in India (YYYY-MM-DD), the day the BFF compares the effective date with. */
export function todayInIndia(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The same form as User Management's (features do not import each other; a shared one belongs in
 * components/ui). Deactivation takes effect at once, so the effective date is today (the default) or earlier, when
 * the person left before anyone said so.
 */
export function DeactivationForm({
  formId,
  submitLabel,
  isBusy,
  onSubmit,
  onCancel,
}: {
  formId: string;
  submitLabel: string;
  isBusy: boolean;
  onSubmit: (input: Deactivation, onError: (error: unknown) => void) => void;
  onCancel?: () => void;
}) {
  const today = todayInIndia();
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [reason, setReason] = useState('');
  const errors = useFormErrors<Field>(formId);
  const labels = { effectiveDate: t('deactivation.effectiveDate'), reason: t('deactivation.reason') };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = DeactivationSchema.safeParse({ effectiveDate, reason });
    const found: FormErrors<Field> = parsed.success ? { fields: {}, form: null } : errorsFromIssues(parsed.error.issues, fields);
    // ISO dates compare as text; the BFF checks again with its own clock.
    if (!found.fields.effectiveDate && effectiveDate > today) found.fields.effectiveDate = t('problem.effectiveDateInFuture', { date: effectiveDate });
    if (!parsed.success || found.fields.effectiveDate) return errors.show(found);
    errors.clear();
    onSubmit(parsed.data, (error) => errors.show(errorsFromProblem(error, fields)));
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
      <TextField
        id={errors.idOf('effectiveDate')}
        type="date"
        label={labels.effectiveDate}
        hint={t('deactivation.effectiveDate.hint')}
        isRequired
        max={today}
        value={effectiveDate}
        onChange={setEffectiveDate}
        error={errors.fieldErrors.effectiveDate}
      />
      <TextAreaField
        id={errors.idOf('reason')}
        label={labels.reason}
        hint={t('deactivation.reason.hint')}
        isRequired
        maxLength={1000}
        value={reason}
        onChange={setReason}
        error={errors.fieldErrors.reason}
      />
      <div className="form__actions">
        <Button type="submit" variant="warning" isBusy={isBusy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('deactivation.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
