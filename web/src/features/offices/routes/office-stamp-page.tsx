import { useRef, useEffect, useState } from 'react';
import type { Office } from '@ecoo/shared/offices/schemas';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useOfficeStamp } from '../../../modules/images/api/get-office-stamp';
import { useUploadOfficeStamp } from '../../../modules/images/api/image-mutations';
import { ImageUploadForm } from '../../../modules/images/components/image-upload-form';
import { ImageVersions } from '../../../modules/images/components/image-versions';
import { JobPanel } from '../../../modules/images/components/job-panel';
import { officeKeys } from '../api/office-keys';
import { WithOffice } from './office-loader';

/** A stamp change shows in the office list's stamp column and the office's history. */
const stampShownIn = [officeKeys.all];

/** Which job the page shows: one just started here, the latest unaccepted one on arrival, or none after an accept. */
type Shown = { jobId: string } | 'latest' | 'none';

function StampManager({ office }: { office: Office }) {
  const stamp = useOfficeStamp(office.id);
  const upload = useUploadOfficeStamp(office.id);
  const [shown, setShown] = useState<Shown>('latest');
  const [notice, setNotice] = useState<{ kind: 'accepted' | 'reinstated'; version: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (stamp.isPending) return <Loading />;
  if (stamp.isError) return <Alert tone="error">{problemMessage(stamp.error)}</Alert>;
  const latest = stamp.data.latestJob;
  const jobId = shown === 'none' ? null : shown === 'latest' ? (latest && !latest.acceptedVersionId ? latest.id : null) : shown.jobId;
  const showJob = (id: string) => {
    setNotice(null);
    setShown({ jobId: id });
  };

  return (
    <>
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {t(notice.kind === 'accepted' ? 'images.review.accepted' : 'images.versions.reinstated', { version: notice.version })}
        </Alert>
      )}
      <ImageUploadForm label={t('images.upload.file')} upload={upload} onUploaded={(job) => showJob(job.id)} />
      {jobId && (
        <JobPanel
          jobId={jobId}
          acceptLabel={t('images.review.accept')}
          onJobChanged={(job) => showJob(job.id)}
          invalidates={stampShownIn}
          onAccepted={(version) => {
            setShown('none');
            setNotice({ kind: 'accepted', version: version.version });
          }}
        />
      )}
      <ImageVersions versions={stamp.data.versions} invalidates={stampShownIn} onReinstated={(version) => setNotice({ kind: 'reinstated', version: version.version })} />
    </>
  );
}

/** Office Management → an office → Stamp image: upload, watch the background go, review, accept. */
export function OfficeStampPage() {
  return (
    <WithOffice>
      {(office) => (
        <>
          <BackLink to={paths.dashboard.office.getHref(office.id)}>{office.name}</BackLink>
          <PageHeading>{t('images.stamp.title', { name: office.name })}</PageHeading>
          <p>{t('images.stamp.intro')}</p>
          <StampManager office={office} />
        </>
      )}
    </WithOffice>
  );
}
