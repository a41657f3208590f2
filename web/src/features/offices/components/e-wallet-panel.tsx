import type { Office } from '@ecoo/shared/offices/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useSetOfficeEWallet } from '../api/set-office-e-wallet';

/** One button that says what it will do; the state and who changed it last are read out when they change. */
export function EWalletPanel({ office }: { office: Office }) {
  const eWallet = useSetOfficeEWallet();
  return (
    <section className="section" aria-labelledby="office-e-wallet">
      <h2 id="office-e-wallet">{t('offices.eWallet')}</h2>
      <div role="status">
        <p>{office.isEWalletEnabled ? t('offices.eWallet.on') : t('offices.eWallet.off')}</p>
        <p>
          {office.eWalletChangedAt
            ? t('offices.eWallet.changed', { by: office.eWalletChangedBy ?? t('offices.history.unknownActor'), at: formatInstant(office.eWalletChangedAt) })
            : t('offices.eWallet.neverChanged')}
        </p>
      </div>
      {eWallet.isError && <Alert tone="error">{problemMessage(eWallet.error)}</Alert>}
      <Button
        variant={office.isEWalletEnabled ? 'warning' : 'primary'}
        isBusy={eWallet.isPending}
        onClick={() => eWallet.mutate({ officeId: office.id, isEnabled: !office.isEWalletEnabled })}
      >
        {office.isEWalletEnabled ? t('offices.eWallet.disable') : t('offices.eWallet.enable')}
      </Button>
    </section>
  );
}
