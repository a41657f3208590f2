import type { Officer } from '@ecoo/shared/officers/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { officerSignatureKey, useOfficerSignature, useUploadOfficerSignature } from '../../../modules/images/api/get-officer-signature';
import { SubjectImageManager } from '../../../modules/images/components/subject-image-manager';
import { officerKeys } from '../api/officer-keys';
import { WithOfficer } from './officer-loader';

function SignatureManager({ officer }: { officer: Officer }) {
  const signature = useOfficerSignature(officer.id);
  const upload = useUploadOfficerSignature(officer.id);
  return (
    <SubjectImageManager
      kind="signature"
      images={signature}
      upload={upload}
      // A signature change shows on the officer's page, in the list's signature column and in the history.
      invalidates={[officerSignatureKey(officer.id), officerKeys.detail(officer.id), officerKeys.lists()]}
    />
  );
}

/** Trade Notice 23/2024-25 §3.I.vi–vii: User Management → an officer → Signature image: upload, watch the background go, review, accept. */
export function OfficerSignaturePage() {
  return (
    <WithOfficer>
      {(officer) => (
        <>
          <BackLink to={paths.dashboard.officer.getHref(officer.id)}>{officer.name}</BackLink>
          <PageHeading help="administrator#signatures">{t('officers.signature.title', { name: officer.name })}</PageHeading>
          <p>{t('officers.signature.intro')}</p>
          <SignatureManager officer={officer} />
        </>
      )}
    </WithOfficer>
  );
}
