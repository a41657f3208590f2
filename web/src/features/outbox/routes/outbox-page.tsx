import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOutbox } from '../api/get-outbox';
import { OutboxMail } from '../components/outbox-mail';

export function OutboxPage() {
  const outbox = useOutbox();
  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <p>{t('outbox.intro')}</p>
      {outbox.isPending ? (
        <Loading />
      ) : outbox.isError ? (
        <Alert tone="error">{problemMessage(outbox.error)}</Alert>
      ) : outbox.data.mails.length === 0 ? (
        <p className="empty">{t('outbox.empty')}</p>
      ) : (
        outbox.data.mails.map((mail) => <OutboxMail key={mail.id} mail={mail} />)
      )}
    </>
  );
}
