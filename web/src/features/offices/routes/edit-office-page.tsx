import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { OfficeForm } from '../components/office-form';
import { BackToOffices } from './back-to-offices';
import { WithOffice } from './office-loader';

export function EditOfficePage() {
  return (
    <>
      <BackToOffices />
      <WithOffice>
        {(office) => (
          <>
            <PageHeading help="administrator#offices">{t('offices.edit.title', { name: office.name })}</PageHeading>
            <OfficeForm key={office.id} office={office} />
          </>
        )}
      </WithOffice>
    </>
  );
}
