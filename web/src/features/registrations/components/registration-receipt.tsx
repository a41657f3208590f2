import type { RegistrationReceipt as Receipt } from '@ecoo/shared/registrations/schemas';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';

/**
 * An administrator's registration goes to DGFT; an officer's to the agency's administrator (Trade Notice 23/2024-25 §3.II),
 * but only once the officer opens the confirmation link mailed to them.
 */
export function RegistrationReceipt({ receipt, role, agencyName }: { receipt: Receipt; role: 'administrator' | 'officer'; agencyName: string }) {
  return (
    <div className="narrow">
      <PageHeading>{t('register.done.title')}</PageHeading>
      <div className="panel panel--success">
        <p>
          {role === 'officer'
            ? t('register.done.officerBody', { id: receipt.id, email: receipt.email, agency: agencyName })
            : t('register.done.body', { id: receipt.id, email: receipt.email })}
        </p>
      </div>
    </div>
  );
}
