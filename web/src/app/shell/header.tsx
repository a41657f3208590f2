import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useActor, useSignOut } from '../../lib/auth';
import { problemMessage } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { Button } from '../../components/ui/button';
import { DemoBanner } from './demo-banner';
import { LanguageSwitch } from './language-switch';

export function Header() {
  const actor = useActor();
  const signOut = useSignOut();
  return (
    <header className="site-header">
      <div className="gov-strip">
        <div className="container gov-strip__inner">
          <p className="gov-strip__country">{t('app.govOfIndia')}</p>
          <p className="gov-strip__ministry">{t('app.govLine')}</p>
          <LanguageSwitch />
        </div>
      </div>
      <div className="masthead-band">
        <div className="container masthead">
        <div className="masthead__brand">
          <Link className="masthead__title" to={paths.home.getHref()}>
            {t('app.title')}
          </Link>
          <p className="masthead__subtitle">{t('app.subtitle')}</p>
        </div>
        {actor && (
          <div className="masthead__user">
            <p className="masthead__signed-in">{t('nav.signedInAs', { name: actor.name, role: t(`role.${actor.role}`) })}</p>
            <Button variant="secondary" isBusy={signOut.isPending} onClick={() => signOut.mutate()}>
              {t('nav.signOut')}
            </Button>
            {signOut.isError && (
              <p className="masthead__error" role="alert">
                {problemMessage(signOut.error)}
              </p>
            )}
          </div>
        )}
        </div>
      </div>
      <DemoBanner />
    </header>
  );
}
