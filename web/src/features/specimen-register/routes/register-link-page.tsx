import { useEffect, useRef, useState } from 'react';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { TextField } from '../../../components/ui/text-field';
import { useCreateRegisterLink } from '../api/create-register-link';
import { useMyRegisterLink } from '../api/get-my-register-link';
import { useRevokeRegisterLink } from '../api/revoke-register-link';

type Notice = 'created' | 'revoked' | 'copied' | 'copy-failed' | null;
const noticeKeys = { created: 'registerLink.created', revoked: 'registerLink.revoked', copied: 'registerLink.copied', 'copy-failed': 'registerLink.copyFailed' } as const;

/**
 * Issue 16: the administrator's page for the specimen register's link. The link is the only key to
 * the register, so it is shown here in full to copy again, and revoked here when it went too far.
 */
export function RegisterLinkPage() {
  const myLink = useMyRegisterLink();
  const create = useCreateRegisterLink();
  const revoke = useRevokeRegisterLink();
  const [notice, setNotice] = useState<Notice>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);

  const link = myLink.data?.link ?? null;
  // The absolute address customs paste into a browser; the page's own origin is the console's.
  const address = link ? new URL(paths.specimenRegister.getHref(link.token), window.location.origin).toString() : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(address);
      setNotice('copied');
    } catch {
      setNotice('copy-failed');
    }
  }

  return (
    <>
      <PageHeading>{t('registerLink.title')}</PageHeading>
      <p className="lead">{t('registerLink.intro')}</p>
      <p>{t('registerLink.audience')}</p>
      <p>{t('registerLink.qr')}</p>
      {notice && <Alert tone="success">{t(noticeKeys[notice])}</Alert>}
      {(create.isError || revoke.isError) && <Alert tone="error">{problemMessage(create.error ?? revoke.error)}</Alert>}
      {myLink.isPending ? (
        <Loading />
      ) : myLink.isError ? (
        <Alert tone="error">{problemMessage(myLink.error)}</Alert>
      ) : link ? (
        <section className="section" aria-labelledby="register-link-active">
          <h2 id="register-link-active">{t('registerLink.active')}</h2>
          <TextField id="register-link" label={t('registerLink.label')} value={address} onChange={() => undefined} readOnly onFocus={(event) => event.currentTarget.select()} />
          <p>{t('registerLink.createdBy', { date: formatInstant(link.createdAt), name: link.createdBy })}</p>
          <div className="form__actions">
            <Button onClick={() => void copy()}>{t('registerLink.copy')}</Button>
            <a className="button button--secondary" href={paths.specimenRegister.getHref(link.token)}>
              {t('registerLink.open')}
            </a>
            {!isConfirming && (
              <Button variant="warning" onClick={() => setIsConfirming(true)}>
                {t('registerLink.revoke')}
              </Button>
            )}
          </div>
          {isConfirming && (
            <div className="confirm panel">
              <p ref={confirmRef} tabIndex={-1}>
                {t('registerLink.revokeConfirm')}
              </p>
              <div className="form__actions">
                <Button
                  variant="warning"
                  isBusy={revoke.isPending}
                  onClick={() =>
                    revoke.mutate(link.id, {
                      onSuccess: () => setNotice('revoked'),
                      onSettled: () => setIsConfirming(false),
                    })
                  }
                >
                  {t('registerLink.revokeYes')}
                </Button>
                <Button variant="secondary" onClick={() => setIsConfirming(false)}>
                  {t('registerLink.revokeNo')}
                </Button>
              </div>
            </div>
          )}
        </section>
      ) : (
        <section className="section" aria-labelledby="register-link-none">
          <h2 id="register-link-none">{t('registerLink.active')}</h2>
          <p>{t('registerLink.none')}</p>
          <Button isBusy={create.isPending} onClick={() => create.mutate(undefined, { onSuccess: () => setNotice('created') })}>
            {t('registerLink.create')}
          </Button>
        </section>
      )}
    </>
  );
}
