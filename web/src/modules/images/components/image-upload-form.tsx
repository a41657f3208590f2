import { useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { BackgroundJob } from '@ecoo/shared/images/schemas';
import { errorsFromProblem } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FilePicker } from '../../../components/ui/file-picker';
import { imageWordKey, type ImageKind } from './image-wording';

/** The image types the BFF reads; the browser's picker offers these, the BFF judges the content. */
const accepted = 'image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';

/** Choose a picture and send it; a refusal (type, size, pixels) is shown beside the picker. */
export function ImageUploadForm({ kind, upload, onUploaded }: { kind: ImageKind; upload: UseMutationResult<BackgroundJob, Error, File>; onUploaded: (job: BackgroundJob) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const errors = upload.isError ? errorsFromProblem(upload.error, ['image'] as const, (code) => (code.startsWith('problem.image') || code === 'problem.fileTooLarge' ? 'image' : undefined)) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    upload.mutate(file, {
      onSuccess: (job) => {
        setFile(null);
        (event.target as HTMLFormElement).reset();
        onUploaded(job);
      },
    });
  };

  return (
    <form className="section" onSubmit={submit} noValidate aria-labelledby="image-upload-title">
      <h2 id="image-upload-title">{t('images.upload.legend')}</h2>
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      <FilePicker
        id="image"
        label={t(imageWordKey(kind, 'uploadLabel'))}
        hint={t(imageWordKey(kind, 'uploadHint'))}
        error={missing && !file ? t('images.upload.missing') : errors?.fields.image}
        isRequired
        accept={accepted}
        file={file}
        onChange={(chosen) => {
          setFile(chosen);
          setMissing(false);
          upload.reset();
        }}
      />
      <Button type="submit" isBusy={upload.isPending}>
        {t('images.upload.submit')}
      </Button>
    </form>
  );
}
