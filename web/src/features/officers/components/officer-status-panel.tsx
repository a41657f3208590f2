import { useEffect, useRef, useState } from 'react';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDeactivateOfficer } from '../api/deactivate-officer';
import { useReactivateOfficer } from '../api/reactivate-officer';
import { DeactivationForm } from '../../../modules/accounts/components/deactivation-form';
import { Revocations } from './revocations';

/** Trade Notice 23/2024-25 §3.I.viii: activate and deactivate issuing officers; every revocation stays listed. */
export function OfficerStatusPanel({ officer }: { officer: Officer }) {
  const [notice, setNotice] = useState<'deactivated' | 'reactivated' | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (officer.status === 'pending' || officer.status === 'rejected') return null;
  return (
    <section className="section" aria-labelledby="officer-status">
      <h2 id="officer-status">{t('officers.statusPanel')}</h2>
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {t(notice === 'deactivated' ? 'officers.deactivate.done' : 'officers.reactivate.done', { name: officer.name })}
        </Alert>
      )}
      {officer.status === 'active' ? (
        <DeactivateOfficer officer={officer} onDone={() => setNotice('deactivated')} />
      ) : (
        <ReactivateOfficer officer={officer} isJustDeactivated={notice === 'deactivated'} onDone={() => setNotice('reactivated')} />
      )}
      <h3>{t('officers.revocations')}</h3>
      <Revocations revocations={officer.revocations} />
    </section>
  );
}

function DeactivateOfficer({ officer, onDone }: { officer: Officer; onDone: () => void }) {
  const deactivation = useDeactivateOfficer();
  return (
    <>
      <p>{t('officers.deactivate.intro', { name: officer.name })}</p>
      <DeactivationForm
        formId="officer-deactivation"
        personName={officer.name}
        submitLabel={t('officers.deactivate')}
        isBusy={deactivation.isPending}
        onSubmit={(input, onError) => deactivation.mutate({ userId: officer.id, input }, { onSuccess: onDone, onError })}
      />
    </>
  );
}

/**
 * Reactivating asks once more, naming the officer; the revocation stays on record. Just after a
 * deactivation here, the panel's notice already says so, and the note would repeat it.
 */
function ReactivateOfficer({ officer, isJustDeactivated, onDone }: { officer: Officer; isJustDeactivated: boolean; onDone: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const reactivation = useReactivateOfficer();
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  return (
    <>
      {!isJustDeactivated && <p>{t('officers.deactivated.note', { name: officer.name })}</p>}
      {reactivation.isError && <Alert tone="error">{problemMessage(reactivation.error)}</Alert>}
      {isConfirming ? (
        <div className="confirm panel">
          <p ref={confirmRef} tabIndex={-1}>
            {t('officers.reactivate.confirm', { name: officer.name })}
          </p>
          <div className="form__actions">
            <Button isBusy={reactivation.isPending} onClick={() => reactivation.mutate(officer.id, { onSuccess: onDone })}>
              {t('officers.reactivate.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              {t('officers.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setIsConfirming(true)}>{t('officers.reactivate')}</Button>
      )}
    </>
  );
}
