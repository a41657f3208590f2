import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath, startPageFor, type SignInNotice } from '../../../config/paths';
import { continueSignedIn } from '../../../lib/auth';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { PageHeading } from '../../../components/ui/page-heading';
import { SignInForm } from '../components/sign-in-form';

function noticeOf(state: unknown): SignInNotice | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'session-expired' || notice === 'password-set' ? notice : null;
}

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const notice = noticeOf(location.state);

  return (
    <div className="narrow">
      <PageHeading help="faq#forgotten-password">{t('signIn.title')}</PageHeading>
      {notice === 'session-expired' && <Alert tone="info">{t('signIn.sessionExpired')}</Alert>}
      {notice === 'password-set' && <Alert tone="success">{t('setPassword.done')}</Alert>}
      <SignInForm
        onSignedIn={(session) => {
          if (session.user) void continueSignedIn(navigate, next ?? startPageFor(session.user.role), session);
        }}
      />
    </div>
  );
}
