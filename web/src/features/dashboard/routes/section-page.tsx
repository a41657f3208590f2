import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import type { DashboardSection } from './routes';

/** A section's place in the console before its issue fills it. */
export function SectionPage({ section }: { section: DashboardSection }) {
  return (
    <>
      <BackLink to={paths.dashboard.home.getHref()}>{t('nav.myDashboard')}</BackLink>
      <PageHeading>{t(section.label)}</PageHeading>
      <p className="lead">{t(section.description)}</p>
      <div className="panel">
        <p>{t('dashboard.comingSoon')}</p>
      </div>
    </>
  );
}
