import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useSignInWhenSessionEnds } from '../../lib/auth';
import { t } from '../../lib/i18n';
import { Loading } from '../../components/ui/loading';
import { Footer } from './footer';
import { Header } from './header';
import { Nav } from './nav';

const mainId = 'main';

export function Layout() {
  useSignInWhenSessionEnds();
  return (
    <div className="page">
      <a
        className="skip-link"
        href={`#${mainId}`}
        onClick={(event) => {
          // Moving focus is enough; a #main in the address would replace the set-password link's #token.
          event.preventDefault();
          document.getElementById(mainId)?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Header />
      <Nav />
      <main id={mainId} className="main" tabIndex={-1}>
        <div className="container">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <Footer />
    </div>
  );
}
