import { Link } from 'react-router';
import type { RegistrationReceipt as Receipt } from '@ecoo/shared/registrations/schemas';
import { registrationReference } from '@ecoo/shared/registrations/reference';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';

/**
 * An administrator's registration goes to DGFT; an officer's to the agency's administrator (Trade Notice 23/2024-25 §3.II),
 * but only once the officer opens the confirmation link mailed to them. The reference is the short
 * one people can read over the phone, never the id.
 */
export function RegistrationReceipt({ receipt, role, agencyName }: { receipt: Receipt; role: 'administrator' | 'officer'; agencyName: string }) {
  const reference = registrationReference(receipt.id);
  return (
    <div className="narrow">
      <PageHeading>{t('register.done.title')}</PageHeading>
      <div className="panel panel--success">
        <p>
          {t('register.done.reference')} <strong className="reference">{reference}</strong>
        </p>
        <p>
          {role === 'officer'
            ? t('register.done.officerBody', { reference, email: receipt.email, agency: agencyName })
            : t('register.done.body', { reference, email: receipt.email })}
        </p>
      </div>
      <h2>{t('register.done.next')}</h2>
      <p>
        <Link className="button button--primary" to={paths.signIn.getHref()}>
          {t('nav.signIn')}
        </Link>{' '}
        <Link className="button button--secondary" to={paths.home.getHref()}>
          {t('register.done.home')}
        </Link>
      </p>
    </div>
  );
}
