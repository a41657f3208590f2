import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { expiresWhen } from '../../../modules/dsc/components/dsc-wording';
import { useExpiringDscs } from '../api/get-expiring-dscs';

/** The officers who must register a renewed DSC soon, or already should have; nothing at all while there are none. */
export function ExpiringDscs() {
  const expiring = useExpiringDscs();
  if (expiring.isPending || expiring.data?.items.length === 0) return null;
  return (
    <section className="section" aria-labelledby="dashboard-dsc-expiring">
      <h2 id="dashboard-dsc-expiring">{t('dashboard.dsc.expiringList')}</h2>
      {expiring.isError ? (
        <Alert tone="error">{problemMessage(expiring.error)}</Alert>
      ) : (
        <>
          <p>{t('dashboard.dsc.expiringList.intro')}</p>
          <ul className="plain-list">
            {expiring.data.items.map((item) => {
              const date = formatInstant(item.notAfter);
              return (
                <li key={item.officerId}>
                  <Link to={paths.dashboard.officer.getHref(item.officerId)}>{item.officerName}</Link>{' '}
                  {item.daysLeft < 0 ? t('dashboard.dsc.expiringList.expired', { date }) : t('dashboard.dsc.expiringList.expiring', { when: expiresWhen(item.daysLeft), date })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
