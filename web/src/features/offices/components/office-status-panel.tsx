import { useEffect, useRef, useState } from 'react';
import type { Office } from '@ecoo/shared/offices/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useSetOfficeActive } from '../api/set-office-active';

/** Offices are never deleted; deactivating (and reactivating) asks once more, naming the office. */
export function OfficeStatusPanel({ office }: { office: Office }) {
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const status = useSetOfficeActive();

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  function confirm() {
    status.mutate({ officeId: office.id, isActive: !office.isActive }, { onSuccess: () => setIsConfirming(false) });
  }

  return (
    <section className="section" aria-labelledby="office-status">
      <h2 id="office-status">{t('offices.status')}</h2>
      <p role="status">{office.isActive ? t('offices.status.isActive') : t('offices.status.isInactive')}</p>
      {status.isError && <Alert tone="error">{problemMessage(status.error)}</Alert>}
      {isConfirming ? (
        <div className="confirm panel">
          <p ref={confirmRef} tabIndex={-1}>
            {office.isActive ? t('offices.deactivate.confirm', { name: office.name }) : t('offices.reactivate.confirm', { name: office.name })}
          </p>
          <div className="form__actions">
            <Button variant={office.isActive ? 'warning' : 'primary'} isBusy={status.isPending} onClick={confirm}>
              {office.isActive ? t('offices.deactivate.yes') : t('offices.reactivate.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              {t('offices.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={office.isActive ? 'warning' : 'secondary'} onClick={() => setIsConfirming(true)}>
          {office.isActive ? t('offices.deactivate') : t('offices.reactivate')}
        </Button>
      )}
    </section>
  );
}
