import type { RegistrationReceipt as Receipt } from '@ecoo/shared/registrations/schemas';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';

export function RegistrationReceipt({ receipt }: { receipt: Receipt }) {
  return (
    <div className="narrow">
      <PageHeading>{t('register.done.title')}</PageHeading>
      <div className="panel panel--success">
        <p>{t('register.done.body', { id: receipt.id, email: receipt.email })}</p>
      </div>
    </div>
  );
}
