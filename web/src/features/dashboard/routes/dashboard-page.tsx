import { Link } from 'react-router';
import { isAllowed, useActor } from '../../../lib/auth';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { ExpiringDscs } from '../components/expiring-dscs';
import { GoLiveReadiness } from '../components/go-live-readiness';
import { MyOfficerProfile } from '../components/my-officer-profile';
import { OfficerCounts } from '../components/officer-counts';
import { dashboardSections } from './routes';

export function DashboardPage() {
  const actor = useActor();
  const sections = dashboardSections.filter((section) => isAllowed(section.access, actor));
  return (
    <>
      <PageHeading help={actor?.role === 'issuing-officer' ? 'officer#dashboard' : 'administrator#dashboard'}>{t('dashboard.title')}</PageHeading>
      {actor?.agency && <p className="lead">{t('dashboard.agency', { agency: actor.agency.name })}</p>}
      <p>{t(actor?.role === 'issuing-officer' ? 'dashboard.intro.officer' : 'dashboard.intro')}</p>
      <ul className="cards">
        {sections.map((section) => (
          <li key={section.path} className="card">
            <h2 className="card__title">
              <Link to={section.href}>{t(section.label)}</Link>
            </h2>
            <p>{t(section.description)}</p>
          </li>
        ))}
      </ul>
      {actor?.role === 'agency-admin' && (
        <>
          <GoLiveReadiness />
          <OfficerCounts />
          <ExpiringDscs />
        </>
      )}
      {actor?.role === 'issuing-officer' && <MyOfficerProfile />}
    </>
  );
}
