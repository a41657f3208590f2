import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';

export function BackToOffices() {
  return (
    <p>
      <Link className="back-link" to={paths.dashboard.offices.getHref()}>
        {t('offices.back')}
      </Link>
    </p>
  );
}
