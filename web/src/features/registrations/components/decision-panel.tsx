import { useEffect, useRef, useState, type FormEvent } from 'react';
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

export function DecisionPanel({ registration }: { registration: Registration }) {
  const [isJustMade, setIsJustMade] = useState(false);
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
          <div className="decision__activate">
            <Button isBusy={activation.isPending} disabled={rejection.isPending} onClick={activate}>
              {t('registration.activate')}
            </Button>
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
