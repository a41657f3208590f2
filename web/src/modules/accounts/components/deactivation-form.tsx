import { useEffect, useRef, useState } from 'react';
import type { FieldProblem } from '@ecoo/shared/problem';
import { fieldProblem } from '@ecoo/shared/validation/describe-issue';
import { DeactivationSchema, type Deactivation } from '@ecoo/shared/officers/schemas';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { formatDate, t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';

/** Today's date in India (YYYY-MM-DD), the day the BFF compares the effective date with. */
export function todayInIndia(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** ISO dates compare as text; the BFF checks again with its own clock. */
function futureDateProblem(problems: FieldProblem[], { effectiveDate }: Deactivation, today: string): FieldProblem[] {
  if (effectiveDate <= today || problems.some((problem) => problem.path === 'effectiveDate')) return problems;
  return [...problems, fieldProblem('effectiveDate', 'problem.effectiveDateInFuture', { date: formatDate(effectiveDate) })];
}

/**
 * The deactivation of an account, an officer's (User Management) or an administrator's (the DGFT
 * reviewer's list): the caller says whose, and sends it. Deactivation takes effect at once, so the
 * effective date is today (the default) or earlier, when the person left before anyone said so;
 * certificates signed after it are not theirs. Since it cannot be undone quietly (sessions end, the
 * person is mailed), a checked form asks once more, naming the person and the date; only "Yes" sends.
 */
export function DeactivationForm({
  formId,
  personName,
  submitLabel,
  isBusy,
  onSubmit,
  onCancel,
}: {
  formId: string;
  /** Whom the confirmation names. */
  personName: string;
  submitLabel: string;
  isBusy: boolean;
  onSubmit: (input: Deactivation, onError: (error: unknown) => void) => void;
  onCancel?: () => void;
}) {
  const today = todayInIndia();
  const form = useSchemaForm({
    id: formId,
    schema: DeactivationSchema,
    fields: ['effectiveDate', 'reason'],
    labels: { effectiveDate: t('deactivation.effectiveDate'), reason: t('deactivation.reason') },
    defaultValues: { effectiveDate: today, reason: '' },
    refineProblems: (problems, values) => futureDateProblem(problems, values, today),
  });
  const [confirming, setConfirming] = useState<Deactivation | null>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const submitId = `${formId}-submit`;
  // Set by Cancel: the submit button is back once the question goes, and focus returns to it.
  const isReturningFocus = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (isReturningFocus.current) {
      isReturningFocus.current = false;
      document.getElementById(submitId)?.focus();
    }
  }, [confirming, submitId]);

  const submit = form.submitWith((input) => setConfirming(input));
  function confirm(input: Deactivation) {
    onSubmit(input, (error) => {
      setConfirming(null);
      form.showProblem(error);
    });
  }
  function cancelConfirming() {
    isReturningFocus.current = true;
    setConfirming(null);
  }

  return (
    // A change to a field after the question makes it stale: ask again on the next submit.
    <form className="form" noValidate onSubmit={submit} onChange={() => confirming && setConfirming(null)}>
      <FormErrorSummary form={form} />
      <FormField
        form={form}
        name="effectiveDate"
        render={(field) => <TextField {...field} type="date" label={form.labels.effectiveDate} hint={t('deactivation.effectiveDate.hint')} isRequired max={today} />}
      />
      <FormField
        form={form}
        name="reason"
        render={(field) => <TextAreaField {...field} label={form.labels.reason} hint={t('deactivation.reason.hint')} isRequired maxLength={1000} />}
      />
      {confirming ? (
        <div className="confirm panel">
          <p ref={confirmRef} tabIndex={-1}>
            {t('deactivation.confirm', { name: personName, date: formatDate(confirming.effectiveDate) })}
          </p>
          <div className="form__actions">
            <Button variant="warning" isBusy={isBusy} onClick={() => confirm(confirming)}>
              {t('deactivation.confirm.yes')}
            </Button>
            <Button variant="secondary" onClick={cancelConfirming}>
              {t('deactivation.confirm.no')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="form__actions">
          <Button id={submitId} type="submit" variant="warning" isBusy={isBusy}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              {t('deactivation.cancel')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
