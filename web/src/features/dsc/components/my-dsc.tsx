import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { DscOverviewDetails } from '../../../modules/dsc/components/dsc-overview-details';
import { useMyDsc } from '../api/get-my-dsc';

/** The officer's active DSC, its expiry warning, and the DSCs it replaced; its heading takes focus from the registered verdict's link. */
export function MyDsc() {
  const dsc = useMyDsc();
  return (
    <section className="section" aria-labelledby="dsc-current">
      <h2 id="dsc-current" tabIndex={-1}>{t('dsc.current')}</h2>
      {dsc.isPending ? (
        <Loading />
      ) : dsc.isError ? (
        <Alert tone="error">{problemMessage(dsc.error)}</Alert>
      ) : (
        <DscOverviewDetails overview={dsc.data} noneText={t('dsc.current.none')} />
      )}
    </section>
  );
}
