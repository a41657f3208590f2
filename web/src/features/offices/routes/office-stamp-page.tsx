import type { Office } from '@ecoo/shared/offices/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOfficeStamp } from '../../../modules/images/api/get-office-stamp';
import { useUploadOfficeStamp } from '../../../modules/images/api/image-mutations';
import { SubjectImageManager } from '../../../modules/images/components/subject-image-manager';
import { officeKeys } from '../api/office-keys';
import { WithOffice } from './office-loader';

/** A stamp change shows in the office list's stamp column and the office's history. */
const stampShownIn = [officeKeys.all];

function StampManager({ office }: { office: Office }) {
  const stamp = useOfficeStamp(office.id);
  const upload = useUploadOfficeStamp(office.id);
  return (
    <SubjectImageManager
      kind="stamp"
      images={stamp}
      upload={upload}
      invalidates={stampShownIn}
    />
  );
}

/** Office Management → an office → Stamp image: upload, watch the background go, review, accept. */
export function OfficeStampPage() {
  return (
    <WithOffice>
      {(office) => (
        <>
          <BackLink to={paths.dashboard.office.getHref(office.id)}>{office.name}</BackLink>
          <PageHeading help="administrator#stamps">{t('images.stamp.title', { name: office.name })}</PageHeading>
          <p>{t('images.stamp.intro')}</p>
          <StampManager office={office} />
        </>
      )}
    </WithOffice>
  );
}
