import { Link } from 'react-router';
import { paths, startPageFor } from '../../../config/paths';
import { useActor } from '../../../lib/auth';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';

export function HomePage() {
  const actor = useActor();
  return (
    <>
      <PageHeading help="index">{t('home.title')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
      {actor ? (
        <p>
          <Link className="button button--primary" to={startPageFor(actor.role)}>
            {t(actor.role === 'dgft-reviewer' ? 'nav.pendingRegistrations' : 'nav.myDashboard')}
          </Link>
        </p>
      ) : (
        <ul className="home-actions">
          <li className="home-actions__item">
            <p>{t('home.signInLead')}</p>
            <Link className="button button--primary" to={paths.signIn.getHref()}>
              {t('nav.signIn')}
            </Link>
          </li>
          <li className="home-actions__item">
            <p>{t('home.registerLead')}</p>
            <Link className="button button--secondary" to={paths.register.getHref()}>
              {t('nav.register')}
            </Link>
          </li>
        </ul>
      )}
    </>
  );
}
