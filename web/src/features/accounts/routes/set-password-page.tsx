import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { paths, type SignInNotice } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { PageHeading } from '../../../components/ui/page-heading';
import { SetPasswordForm } from '../components/set-password-form';

/** The emailed link is /set-password#token=…: a fragment never reaches a server log or a Referer header. */
function tokenOf(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') || null;
}

export function SetPasswordPage() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment may change later (a skip link), the token must not.
  const [token] = useState(() => tokenOf(location.hash));

  function showSignIn() {
    const notice: SignInNotice = 'password-set';
    // replace: the spent link leaves the history, so Back cannot show it again.
    void navigate(paths.signIn.getHref(), { replace: true, state: { notice } });
  }

  return (
    <div className="narrow">
      <PageHeading help="faq#set-password-link">{t('setPassword.title')}</PageHeading>
      {token ? (
        <>
          <p>{t('setPassword.intro')}</p>
          <SetPasswordForm token={token} onDone={showSignIn} />
        </>
      ) : (
        <>
          <Alert tone="error">{t('setPassword.missingToken')}</Alert>
          <p>
            <Link to={paths.forgotPassword.getHref()}>{t('signIn.forgot')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
