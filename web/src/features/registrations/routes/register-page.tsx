import { useState } from 'react';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { RegisterForm, type RegistrationSubmitted } from '../components/register-form';
import { RegistrationReceipt } from '../components/registration-receipt';

/** Trade Notice 23/2024-25 §3.I.i and §3.II: Register → "Register User As" → CoO Authorized Agency → agency → role. */
export function RegisterPage() {
  const [submitted, setSubmitted] = useState<RegistrationSubmitted | null>(null);
  if (submitted) return <RegistrationReceipt {...submitted} />;
  return (
    <div className="narrow">
      <PageHeading help="index#register">{t('register.title')}</PageHeading>
      <p>{t('register.intro')}</p>
      <p>{t('register.intro.officer')}</p>
      <RegisterForm onSubmitted={setSubmitted} />
    </div>
  );
}
