import type { Officer } from '@ecoo/shared/officers/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { DscOverviewDetails } from '../../../modules/dsc/components/dsc-overview-details';
import { useOfficerDsc } from '../api/get-officer-dsc';

/**
 * Trade Notice 23/2024-25 §3.II.iii: the DSC the officer registered. The BFF accepts a certificate
 * whose holder name is not the officer's (initials, a maiden name) and leaves the check to the
 * administrator, who knows the person: the flag says so.
 */
export function OfficerDscPanel({ officer }: { officer: Officer }) {
  const dsc = useOfficerDsc(officer.id);
  const active = dsc.data?.active;
  return (
    <section className="section" aria-labelledby="officer-dsc">
      <h2 id="officer-dsc">{t('officers.dsc')}</h2>
      {dsc.isPending ? (
        <Loading />
      ) : dsc.isError ? (
        <Alert tone="error">{problemMessage(dsc.error)}</Alert>
      ) : (
        <>
          {active?.holderDiffersFromOfficer && <p className="warning-text">{t('officers.dsc.holderDiffers', { holder: active.holderName, officer: dsc.data.officer.name })}</p>}
          <DscOverviewDetails overview={dsc.data} noneText={t('officers.dsc.none')} />
        </>
      )}
    </section>
  );
}
