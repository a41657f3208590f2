import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { RejectionInputSchema, type Registration } from '@ecoo/shared/registrations/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useActivateRegistration } from '../api/activate-registration';
import { useRejectRegistration } from '../api/reject-registration';

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

/**
 * Activation opens an account and mails its set-password link; nothing can take that back. So the
 * reviewer is asked first, in the page (keyboard and screen readers reach it like the rest): the
 * question takes focus, and Cancel gives focus back to Activate.
 */
function ActivationQuestion({ registration, isBusy, onConfirm, onCancel }: { registration: Registration; isBusy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const bodyRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => bodyRef.current?.focus(), []);
  return (
    <div className="confirm panel" role="group" aria-labelledby={titleId}>
      <p id={titleId} className="confirm__title">
        <strong>{t('registration.activate.question', { name: registration.name })}</strong>
      </p>
      <p ref={bodyRef} tabIndex={-1}>
        {t('registration.activate.consequence', { name: registration.name, email: registration.email, agency: registration.agency.name })}
      </p>
      <div className="button-row">
        <Button isBusy={isBusy} onClick={onConfirm}>
          {t('registration.activate.yes')}
        </Button>
        <Button variant="secondary" disabled={isBusy} onClick={onCancel}>
          {t('registration.activate.cancel')}
        </Button>
      </div>
    </div>
  );
}

export function DecisionPanel({ registration }: { registration: Registration }) {
  const [isJustMade, setIsJustMade] = useState(false);
  const [isAsking, setIsAsking] = useState(false);
  const activateRef = useRef<HTMLDivElement>(null);
  const isReturningFocus = useRef(false);
  useEffect(() => {
    if (isAsking || !isReturningFocus.current) return;
    isReturningFocus.current = false;
    activateRef.current?.querySelector('button')?.focus();
  }, [isAsking]);
  const activation = useActivateRegistration(registration.id);
  const rejection = useRejectRegistration(registration.id);
  const isBusy = activation.isPending || rejection.isPending;
  const form = useSchemaForm({
    id: 'rejection',
    schema: RejectionInputSchema,
    fields: ['reason'],
    labels: { reason: t('registration.reason') },
    defaultValues: { reason: '' },
  });

  function activate() {
    form.clearAll();
    rejection.reset();
    activation.mutate(undefined, { onSuccess: () => setIsJustMade(true) });
  }

  /** The question goes with the button that had focus, so Activate takes focus back once it is shown again. */
  function cancelActivation() {
    isReturningFocus.current = true;
    setIsAsking(false);
  }

  const submitRejection = form.submitWith((input) => rejection.mutate(input, { onSuccess: () => setIsJustMade(true), onError: form.showProblem }));
  const reject = (event: FormEvent) => {
    activation.reset();
    return submitRejection(event);
  };

  return (
    <section className="section" aria-labelledby="registration-decision">
      <h2 id="registration-decision">{t('registration.decision')}</h2>
      {registration.status !== 'pending' ? (
        <Decision registration={registration} isJustMade={isJustMade} />
      ) : (
        <div className="decision">
          {activation.isError && <Alert tone="error">{problemMessage(activation.error)}</Alert>}
          <div className="decision__activate" ref={activateRef}>
            {isAsking ? (
              <ActivationQuestion registration={registration} isBusy={activation.isPending} onConfirm={activate} onCancel={cancelActivation} />
            ) : (
              <Button disabled={rejection.isPending} onClick={() => setIsAsking(true)}>
                {t('registration.activate')}
              </Button>
            )}
          </div>
          <form className="form decision__reject" noValidate onSubmit={reject}>
            <FormErrorSummary form={form} />
            <FormField
              form={form}
              name="reason"
              render={(field) => <TextAreaField {...field} label={form.labels.reason} isRequired maxLength={1000} />}
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
