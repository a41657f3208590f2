import { Link } from 'react-router';
import { helpPaths } from '../../components/ui/page-heading';
import { t } from '../../lib/i18n';

export function Footer() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__title">{t('app.title')}</p>
        <p>
          <Link to={helpPaths.index}>{t('help.link')}</Link>
        </p>
        <p>{t('app.footer')}</p>
      </div>
    </footer>
  );
}
