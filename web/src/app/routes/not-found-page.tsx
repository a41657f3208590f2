import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { t } from '../../lib/i18n';
import { PageHeading } from '../../components/ui/page-heading';

export function NotFoundPage() {
  return (
    <>
      <PageHeading>{t('app.notFound.title')}</PageHeading>
      <p>{t('app.notFound.body')}</p>
      <p>
        <Link to={paths.home.getHref()}>{t('nav.home')}</Link>
      </p>
    </>
  );
}
