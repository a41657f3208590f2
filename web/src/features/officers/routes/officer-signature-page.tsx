import { useEffect, useRef, useState } from 'react';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { officerSignatureKey, useOfficerSignature, useUploadOfficerSignature } from '../../../modules/images/api/get-officer-signature';
import { ImageUploadForm } from '../../../modules/images/components/image-upload-form';
import { ImageVersions } from '../../../modules/images/components/image-versions';
import { JobPanel } from '../../../modules/images/components/job-panel';
import { officerKeys } from '../api/officer-keys';
import { WithOfficer } from './officer-loader';

/** Which job the page shows: one just started here, the latest unaccepted one on arrival, or none after an accept. */
type Shown = { jobId: string } | 'latest' | 'none';

function SignatureManager({ officer }: { officer: Officer }) {
  const signature = useOfficerSignature(officer.id);
  const upload = useUploadOfficerSignature(officer.id);
  // A signature change shows on the officer's page, in the list's signature column and in the history.
  const signatureShownIn = [officerSignatureKey(officer.id), officerKeys.detail(officer.id), officerKeys.lists()];
  const [shown, setShown] = useState<Shown>('latest');
  const [notice, setNotice] = useState<{ kind: 'accepted' | 'reinstated'; version: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (signature.isPending) return <Loading />;
  if (signature.isError) return <Alert tone="error">{problemMessage(signature.error)}</Alert>;
  const latest = signature.data.latestJob;
  const jobId = shown === 'none' ? null : shown === 'latest' ? (latest && !latest.acceptedVersionId ? latest.id : null) : shown.jobId;
  const showJob = (id: string) => {
    setNotice(null);
    setShown({ jobId: id });
  };

  return (
    <>
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {t(notice.kind === 'accepted' ? 'officers.signature.accepted' : 'images.versions.reinstated', { version: notice.version })}
        </Alert>
      )}
      <ImageUploadForm label={t('officers.signature.file')} upload={upload} onUploaded={(job) => showJob(job.id)} />
      {jobId && (
        <JobPanel
          jobId={jobId}
          acceptLabel={t('officers.signature.accept')}
          onJobChanged={(job) => showJob(job.id)}
          invalidates={signatureShownIn}
          onAccepted={(version) => {
            setShown('none');
            setNotice({ kind: 'accepted', version: version.version });
          }}
        />
      )}
      <ImageVersions versions={signature.data.versions} invalidates={signatureShownIn} onReinstated={(version) => setNotice({ kind: 'reinstated', version: version.version })} />
    </>
  );
}

/** Trade Notice 23/2024-25 §3.I.vi–vii: User Management → an officer → Signature image: upload, watch the background go, review, accept. */
export function OfficerSignaturePage() {
  return (
    <WithOfficer>
      {(officer) => (
        <>
          <BackLink to={paths.dashboard.officer.getHref(officer.id)}>{officer.name}</BackLink>
          <PageHeading>{t('officers.signature.title', { name: officer.name })}</PageHeading>
          <p>{t('officers.signature.intro')}</p>
          <SignatureManager officer={officer} />
        </>
      )}
    </WithOfficer>
  );
}
