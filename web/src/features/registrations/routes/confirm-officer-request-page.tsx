import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { OfficerConfirmationInputSchema } from '@ecoo/shared/registrations/schemas';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { PageHeading } from '../../../components/ui/page-heading';
import { useConfirmOfficerRequest } from '../api/confirm-officer-request';

/**
 * The mailed link is /register/confirm#token=…: a fragment never reaches a server log or a Referer header.
 * A token the schema refuses (cut short when copied, say) is treated as none: it could only fail.
 */
function tokenOf(hash: string): string | null {
  const parsed = OfficerConfirmationInputSchema.safeParse({ token: new URLSearchParams(hash.replace(/^#/, '')).get('token') });
  return parsed.success ? parsed.data.token : null;
}

/**
 * An issuing officer opens the link mailed after registering; confirming it sends the request on to
 * the agency's administrator. The token works once, so it is sent once, as soon as the page opens.
 */
export function ConfirmOfficerRequestPage() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the fragment is cleared below, the token must stay.
  const [token] = useState(() => tokenOf(location.hash));
  const confirmation = useConfirmOfficerRequest();
  const { mutate } = confirmation;
  // StrictMode runs effects twice and keeps refs: without this guard a second call would find the single-use token spent and show a failure.
  const isSent = useRef(false);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const failedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!token || isSent.current) return;
    isSent.current = true;
    // replace: the token leaves the address bar and the history, so Back or a shared screen cannot show it.
    void navigate(paths.registerConfirm.getHref(), { replace: true });
    mutate({ token });
  }, [token, mutate, navigate]);

  const { isSuccess, isError } = confirmation;
  useEffect(() => {
    // The result replaces "Confirming…": focus goes to it, so a screen reader reads it and Tab continues from there.
    if (isSuccess) doneRef.current?.focus();
    else if (isError) failedRef.current?.focus();
  }, [isSuccess, isError]);

  return (
    <div className="narrow">
      <PageHeading help="officer#confirm-email">{t('registerConfirm.title')}</PageHeading>
      {confirmation.isSuccess ? (
        <div className="panel panel--success">
          <h2 ref={doneRef} tabIndex={-1}>
            {t('registerConfirm.done.title')}
          </h2>
          <p>{t('registerConfirm.done.body', { email: confirmation.data.email, agency: confirmation.data.agency.name })}</p>
        </div>
      ) : !token || confirmation.isError ? (
        <>
          <Alert tone="error" ref={failedRef}>
            {token ? problemMessage(confirmation.error) : t('problem.confirmationInvalid')}
          </Alert>
          <p>
            <Link to={paths.register.getHref()}>{t('registerConfirm.registerAgain')}</Link>
          </p>
        </>
      ) : (
        <p className="loading" role="status">
          {t('registerConfirm.pending')}
        </p>
      )}
    </div>
  );
}
