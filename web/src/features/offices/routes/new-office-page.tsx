import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { OfficeForm } from '../components/office-form';
import { BackToOffices } from './back-to-offices';

export function NewOfficePage() {
  return (
    <>
      <BackToOffices />
      <PageHeading help="administrator#add-office">{t('offices.new.title')}</PageHeading>
      <OfficeForm office={null} />
    </>
  );
}
