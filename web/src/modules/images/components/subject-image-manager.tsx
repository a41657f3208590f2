import { useEffect, useRef, useState } from 'react';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { BackgroundJob, SubjectImages } from '@ecoo/shared/images/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import type { ImageChangeOptions } from '../api/image-mutations';
import { ImageUploadForm } from './image-upload-form';
import { imageWordKey, type ImageKind } from './image-wording';
import { ImageVersions } from './image-versions';
import { JobPanel } from './job-panel';

/** Which job the page shows: one just started here, the latest unaccepted one on arrival, or none after an accept. */
type Shown = { jobId: string } | 'latest' | 'none';

/**
 * The body of a subject's image page (an office's stamp, an officer's signature): upload a picture,
 * follow its job, review and accept the result, and the accepted versions. `kind` chooses the words
 * that name the image. The caller loads the subject's images, uploads to it, and says what else
 * shows its image (`invalidates`).
 */
export function SubjectImageManager({
  kind,
  images,
  upload,
  invalidates,
}: {
  kind: ImageKind;
  images: UseQueryResult<SubjectImages>;
  upload: UseMutationResult<BackgroundJob, Error, File>;
} & ImageChangeOptions) {
  const [shown, setShown] = useState<Shown>('latest');
  const [notice, setNotice] = useState<{ kind: 'accepted' | 'reinstated'; version: number } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (images.isPending) return <Loading />;
  if (images.isError) return <Alert tone="error">{problemMessage(images.error)}</Alert>;
  const latest = images.data.latestJob;
  const jobId = shown === 'none' ? null : shown === 'latest' ? (latest && !latest.acceptedVersionId ? latest.id : null) : shown.jobId;
  const showJob = (id: string) => {
    setNotice(null);
    setShown({ jobId: id });
  };

  return (
    <>
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {t(notice.kind === 'accepted' ? imageWordKey(kind, 'accepted') : 'images.versions.reinstated', { version: notice.version })}
        </Alert>
      )}
      <ImageUploadForm kind={kind} upload={upload} onUploaded={(job) => showJob(job.id)} />
      {jobId && (
        <JobPanel
          jobId={jobId}
          kind={kind}
          onJobChanged={(job) => showJob(job.id)}
          invalidates={invalidates}
          onAccepted={(version) => {
            setShown('none');
            setNotice({ kind: 'accepted', version: version.version });
          }}
        />
      )}
      <ImageVersions kind={kind} versions={images.data.versions} invalidates={invalidates} onReinstated={(version) => setNotice({ kind: 'reinstated', version: version.version })} />
    </>
  );
}
