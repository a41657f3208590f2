import { useState } from 'react';
import type { RegistrationReceipt as Receipt } from '@ecoo/shared/registrations/schemas';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { RegisterForm } from '../components/register-form';
import { RegistrationReceipt } from '../components/registration-receipt';

/** Trade Notice 23/2024-25 §3.I.i: Register → "Register User As" → CoO Authorized Agency → agency → role. */
export function RegisterPage() {
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  if (receipt) return <RegistrationReceipt receipt={receipt} />;
  return (
    <div className="narrow">
      <PageHeading>{t('register.title')}</PageHeading>
      <p>{t('register.intro')}</p>
      <RegisterForm onSubmitted={setReceipt} />
    </div>
  );
}
