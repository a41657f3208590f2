import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { DetailsRow } from '../../../components/ui/details-row';
import { useMyOfficerProfile } from '../api/get-my-officer-profile';
import { MyDscStatus } from './my-dsc-status';

/** What an issuing officer needs to know before signing: their agency, offices, whether their signature image is in place, and their DSC. */
export function MyOfficerProfile() {
  const profile = useMyOfficerProfile();
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <Alert tone="error">{problemMessage(profile.error)}</Alert>;
  const { agency, designation, offices, signature, dsc } = profile.data;
  return (
    <section className="section" aria-labelledby="dashboard-profile">
      <h2 id="dashboard-profile">{t('dashboard.profile')}</h2>
      <dl className="details">
        <DetailsRow label={t('dashboard.profile.agency')}>{agency.name}</DetailsRow>
        <DetailsRow label={t('dashboard.profile.designation')}>{designation}</DetailsRow>
        <DetailsRow label={t('dashboard.profile.offices')}>
          {offices.length === 0 ? (
            t('dashboard.profile.noOffices')
          ) : (
            <ul className="plain-list">
              {offices.map((office) => (
                <li key={office.id}>{office.isActive ? t('dashboard.profile.office', { name: office.name, code: office.code }) : t('dashboard.profile.officeInactive', { name: office.name, code: office.code })}</li>
              ))}
            </ul>
          )}
        </DetailsRow>
        <DetailsRow label={t('dashboard.profile.signature')}>{signature.version !== null ? t('dashboard.profile.signature.inUse', { version: signature.version }) : t('dashboard.profile.signature.missing')}</DetailsRow>
        <DetailsRow label={t('dashboard.dsc')}>
          <MyDscStatus dsc={dsc} />
        </DetailsRow>
      </dl>
    </section>
  );
}
