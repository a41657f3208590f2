import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RejectionInputSchema, type Registration } from '@ecoo/shared/registrations/schemas';
import { errorsFromIssues, errorsFromProblem, problemMessage, useFormErrors } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useActivateRegistration } from '../api/activate-registration';
import { useRejectRegistration } from '../api/reject-registration';

const fields = ['reason'] as const;

function decisionText(registration: Registration): string {
  const at = registration.decidedAt ? formatInstant(registration.decidedAt) : '';
  const by = registration.decidedBy ?? t('registration.unknownReviewer');
  return registration.status === 'activated'
    ? t('registration.decided.activated', { at, by })
    : t('registration.decided.rejected', { at, by, reason: registration.rejectionReason ?? '' });
}

/** The decision once made; focus moves to it when it was made here, since the buttons that had focus are gone. */
function Decision({ registration, isJustMade }: { registration: Registration; isJustMade: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isJustMade) ref.current?.focus();
  }, [isJustMade]);
  return (
    <Alert ref={ref} tone={registration.status === 'activated' ? 'success' : 'info'}>
      {decisionText(registration)}
    </Alert>
  );
}

export function DecisionPanel({ registration }: { registration: Registration }) {
  const [reason, setReason] = useState('');
  const [isJustMade, setIsJustMade] = useState(false);
  const errors = useFormErrors<(typeof fields)[number]>('rejection');
  const activation = useActivateRegistration(registration.id);
  const rejection = useRejectRegistration(registration.id);
  const isBusy = activation.isPending || rejection.isPending;
  const labels = { reason: t('registration.reason') };

  function activate() {
    errors.clear();
    rejection.reset();
    activation.mutate(undefined, { onSuccess: () => setIsJustMade(true) });
  }

  function reject(event: FormEvent) {
    event.preventDefault();
    activation.reset();
    const parsed = RejectionInputSchema.safeParse({ reason });
    if (!parsed.success) return errors.show(errorsFromIssues(parsed.error.issues, fields));
    errors.clear();
    rejection.mutate(parsed.data, { onSuccess: () => setIsJustMade(true), onError: (error) => errors.show(errorsFromProblem(error, fields)) });
  }

  return (
    <section className="section" aria-labelledby="registration-decision">
      <h2 id="registration-decision">{t('registration.decision')}</h2>
      {registration.status !== 'pending' ? (
        <Decision registration={registration} isJustMade={isJustMade} />
      ) : (
        <div className="decision">
          {activation.isError && <Alert tone="error">{problemMessage(activation.error)}</Alert>}
          <div className="decision__activate">
            <Button isBusy={activation.isPending} disabled={rejection.isPending} onClick={activate}>
              {t('registration.activate')}
            </Button>
          </div>
          <form className="form decision__reject" noValidate onSubmit={reject}>
            <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
            <TextAreaField
              id={errors.idOf('reason')}
              label={labels.reason}
              isRequired
              maxLength={1000}
              value={reason}
              onChange={setReason}
              error={errors.fieldErrors.reason}
            />
            <Button type="submit" variant="warning" isBusy={rejection.isPending} disabled={isBusy && !rejection.isPending}>
              {t('registration.reject')}
            </Button>
          </form>
        </div>
      )}
    </section>
  );
}
