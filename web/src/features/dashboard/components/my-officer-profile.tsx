import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { useMyOfficerProfile } from '../api/get-my-officer-profile';

/** What an issuing officer needs to know before signing: their agency, offices and whether their signature image is in place. */
export function MyOfficerProfile() {
  const profile = useMyOfficerProfile();
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <Alert tone="error">{problemMessage(profile.error)}</Alert>;
  const { agency, designation, offices, signature } = profile.data;
  return (
    <section className="section" aria-labelledby="dashboard-profile">
      <h2 id="dashboard-profile">{t('dashboard.profile')}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('dashboard.profile.agency')}</dt>
          <dd>{agency.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('dashboard.profile.designation')}</dt>
          <dd>{designation}</dd>
        </div>
        <div className="details__row">
          <dt>{t('dashboard.profile.offices')}</dt>
          <dd>
            {offices.length === 0 ? (
              t('dashboard.profile.noOffices')
            ) : (
              <ul className="plain-list">
                {offices.map((office) => (
                  <li key={office.id}>{office.isActive ? t('dashboard.profile.office', { name: office.name, code: office.code }) : t('dashboard.profile.officeInactive', { name: office.name, code: office.code })}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('dashboard.profile.signature')}</dt>
          <dd>{signature.version !== null ? t('dashboard.profile.signature.inUse', { version: signature.version }) : t('dashboard.profile.signature.missing')}</dd>
        </div>
      </dl>
    </section>
  );
}
