import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { useOfficerCounts } from '../api/get-officer-counts';

/** Trade Notice 23/2024-25 §3.II.i: officers' requests wait for the administrator, so My Dashboard says how many. */
export function OfficerCounts() {
  const counts = useOfficerCounts();
  return (
    <section className="section" aria-labelledby="dashboard-officers">
      <h2 id="dashboard-officers">{t('dashboard.officers')}</h2>
      {counts.isPending ? (
        <Loading />
      ) : counts.isError ? (
        <Alert tone="error">{problemMessage(counts.error)}</Alert>
      ) : (
        <ul className="plain-list">
          <li>
            <Link to={paths.dashboard.users.getHref({ status: 'pending' })}>{t('dashboard.officers.pending', { count: counts.data.pending })}</Link>
          </li>
          <li>
            <Link to={paths.dashboard.users.getHref({ status: 'active' })}>{t('dashboard.officers.active', { count: counts.data.active })}</Link>
          </li>
        </ul>
      )}
    </section>
  );
}
