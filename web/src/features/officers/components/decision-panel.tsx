import { useEffect, useRef, useState, type FormEvent } from 'react';
import { OfficerRejectionSchema, type Officer } from '@ecoo/shared/officers/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useApproveOfficer } from '../api/approve-officer';
import { useRejectOfficer } from '../api/reject-officer';

function decisionText(officer: Officer): string {
  const at = officer.decidedAt ? formatInstant(officer.decidedAt) : '';
  const by = officer.decidedBy ?? t('officers.history.unknownActor');
  return officer.status === 'rejected' ? t('officers.decided.rejected', { at, by, reason: officer.rejectionReason ?? '' }) : t('officers.decided.approved', { at, by });
}

/** The decision once made; focus moves to it when it was made here, since the buttons that had focus are gone. */
function Decision({ officer, isJustMade }: { officer: Officer; isJustMade: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isJustMade) ref.current?.focus();
  }, [isJustMade]);
  return (
    <Alert ref={ref} tone={officer.status === 'rejected' ? 'info' : 'success'}>
      {decisionText(officer)}
    </Alert>
  );
}

/**
 * Trade Notice 23/2024-25 §3.II.i: an officer's request waits for the agency's administrator, who
 * approves it (the officer is mailed a set-password link) or rejects it with a reason they are mailed.
 */
export function DecisionPanel({ officer }: { officer: Officer }) {
  const [isJustMade, setIsJustMade] = useState(false);
  const approval = useApproveOfficer();
  const rejection = useRejectOfficer();
  const isBusy = approval.isPending || rejection.isPending;
  const form = useSchemaForm({
    id: 'officer-rejection',
    schema: OfficerRejectionSchema,
    fields: ['reason'],
    labels: { reason: t('officers.reject.reason') },
    defaultValues: { reason: '' },
  });
  const submitRejection = form.submitWith((input) =>
    rejection.mutate({ userId: officer.id, input }, { onSuccess: () => setIsJustMade(true), onError: form.showProblem }),
  );

  if (officer.decidedAt === null && officer.status !== 'pending') return null;

  function approve() {
    form.clearAll();
    rejection.reset();
    approval.mutate(officer.id, { onSuccess: () => setIsJustMade(true) });
  }

  const reject = (event: FormEvent) => {
    approval.reset();
    return submitRejection(event);
  };

  return (
    <section className="section" aria-labelledby="officer-decision">
      <h2 id="officer-decision">{t('officers.decision')}</h2>
      {officer.status !== 'pending' ? (
        <Decision officer={officer} isJustMade={isJustMade} />
      ) : (
        <div className="decision">
          <p>{t('officers.decision.intro')}</p>
          {approval.isError && <Alert tone="error">{problemMessage(approval.error)}</Alert>}
          <div className="decision__activate">
            <Button isBusy={approval.isPending} disabled={rejection.isPending} onClick={approve}>
              {t('officers.approve')}
            </Button>
          </div>
          <form className="form decision__reject" noValidate onSubmit={reject} aria-labelledby="officer-reject-title">
            <h3 id="officer-reject-title">{t('officers.reject.title')}</h3>
            <FormErrorSummary form={form} />
            <FormField
              form={form}
              name="reason"
              render={(field) => <TextAreaField {...field} label={form.labels.reason} hint={t('officers.reject.hint')} isRequired maxLength={1000} />}
            />
            <Button type="submit" variant="warning" isBusy={rejection.isPending} disabled={isBusy && !rejection.isPending}>
              {t('officers.reject')}
            </Button>
          </form>
        </div>
      )}
    </section>
  );
}
