import type { FieldProblem } from '@ecoo/shared/problem';
import { DeactivationSchema, type Deactivation } from '@ecoo/shared/officers/schemas';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { t } from '../../../lib/i18n';
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
  return [...problems, { path: 'effectiveDate', code: 'problem.effectiveDateInFuture', message: t('problem.effectiveDateInFuture', { date: effectiveDate }) }];
}

/**
 * The deactivation of an account, an officer's (User Management) or an administrator's (the DGFT
 * reviewer's list): the caller says whose, and sends it. Deactivation takes effect at once, so the
 * effective date is today (the default) or earlier, when the person left before anyone said so;
 * certificates signed after it are not theirs.
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
  const form = useSchemaForm({
    id: formId,
    schema: DeactivationSchema,
    fields: ['effectiveDate', 'reason'],
    labels: { effectiveDate: t('deactivation.effectiveDate'), reason: t('deactivation.reason') },
    defaultValues: { effectiveDate: today, reason: '' },
    refineProblems: (problems, values) => futureDateProblem(problems, values, today),
  });
  const submit = form.submitWith((input) => onSubmit(input, form.showProblem));

  return (
    <form className="form" noValidate onSubmit={submit}>
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
