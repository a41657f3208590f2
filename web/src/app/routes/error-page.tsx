import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { paths } from '../../config/paths';
import { ApiProblem } from '../../lib/api-client';
import { t } from '../../lib/i18n';
import { PageHeading } from '../../components/ui/page-heading';
import { NotFoundPage } from './not-found-page';

/** A page that failed, inside the shell, so the navigation still works. */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <>
        <PageHeading>{t('app.forbidden.title')}</PageHeading>
        <p>{t('problem.forbidden')}</p>
        <p>
          <Link to={paths.home.getHref()}>{t('nav.home')}</Link>
        </p>
      </>
    );
  }
  const correlationId = error instanceof ApiProblem ? error.problem.correlationId : '';
  return (
    <>
      <PageHeading>{t('app.error.title')}</PageHeading>
      <p>{correlationId ? t('app.error.body', { correlationId }) : t('app.error.bodyNoReference')}</p>
      <p>
        <Link to={paths.home.getHref()}>{t('nav.home')}</Link>
      </p>
    </>
  );
}

/** When even the shell could not start (the session could not be read): the error alone, still with a main landmark. */
export function StandaloneErrorPage() {
  return (
    <main id="main" className="main">
      <div className="container">
        <ErrorPage />
      </div>
    </main>
  );
}
