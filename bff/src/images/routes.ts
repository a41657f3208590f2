import type { Response, Router } from 'express';
import { imagesApi } from '@ecoo/shared/images/api';
import { translate } from '@ecoo/shared/i18n/translate';
import { mount } from '../http/mount.ts';
import { AppError } from '../http/problem.ts';
import { safeFileName } from '../storage/file-name.ts';
import { acceptResult, getJob, getSubjectImages, readOriginalPreview, readResultMap, readVersionPng, reinstateVersion, retryJob, uploadImage, type ImagesDeps } from './service.ts';

/** Sent with the API's no-store like every answer: signatures must not stay in a shared PC's cache after sign-out. */
function sendImage(res: Response, type: 'image/png' | 'image/jpeg', bytes: Buffer): 'sent' {
  res.setHeader('Content-Type', type);
  res.status(200).end(bytes);
  return 'sent';
}

function uploadOf(file: Express.Multer.File | undefined, fallbackName: string) {
  if (!file) throw new AppError(400, 'problem.imageMissing', {}, [{ path: 'image', code: 'problem.imageMissing', message: translate('en', 'problem.imageMissing') }]);
  return { bytes: file.buffer, originalName: safeFileName(file.originalname, fallbackName) };
}

export function imagesRoutes(router: Router, deps: ImagesDeps): void {
  mount(router, imagesApi.getOfficeStamp, async ({ actor, params }) => ({ status: 200, body: await getSubjectImages(deps, actor, 'office-stamp', params.officeId) }));
  mount(router, imagesApi.uploadOfficeStamp, async ({ actor, params, files }) => ({
    status: 202,
    body: await uploadImage(deps, actor, 'office-stamp', params.officeId, uploadOf(files.image, 'stamp')),
  }));
  mount(router, imagesApi.getOfficerSignature, async ({ actor, params }) => ({ status: 200, body: await getSubjectImages(deps, actor, 'officer-signature', params.userId) }));
  mount(router, imagesApi.uploadOfficerSignature, async ({ actor, params, files }) => ({
    status: 202,
    body: await uploadImage(deps, actor, 'officer-signature', params.userId, uploadOf(files.image, 'signature')),
  }));
  mount(router, imagesApi.getImageJob, async ({ actor, params }) => ({ status: 200, body: await getJob(deps, actor, params.jobId) }));
  mount(router, imagesApi.retryImageJob, async ({ actor, params, body }) => ({ status: 202, body: await retryJob(deps, actor, params.jobId, body.useModel) }));
  mount(router, imagesApi.getImageJobOriginal, async ({ actor, params, res }) => sendImage(res, 'image/jpeg', await readOriginalPreview(deps, actor, params.jobId)));
  mount(router, imagesApi.getImageJobMap, async ({ actor, params, res }) =>
    sendImage(res, 'image/png', await readResultMap(deps, actor, params.jobId, params.method, params.map)),
  );
  mount(router, imagesApi.acceptImageJob, async ({ actor, params, body }) => ({ status: 201, body: await acceptResult(deps, actor, params.jobId, body) }));
  mount(router, imagesApi.reinstateImageVersion, async ({ actor, params }) => ({ status: 200, body: await reinstateVersion(deps, actor, params.versionId) }));
  mount(router, imagesApi.getImageVersionPng, async ({ actor, params, res }) => sendImage(res, 'image/png', await readVersionPng(deps, actor, params.versionId)));
}
