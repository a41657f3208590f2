import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { ForgotPasswordForm } from '../components/forgot-password-form';

export function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <PageHeading help="faq#forgotten-password">{t('forgot.title')}</PageHeading>
      <p>{t('forgot.intro')}</p>
      <ForgotPasswordForm />
    </div>
  );
}
