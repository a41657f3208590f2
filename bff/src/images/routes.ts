import type { Response, Router } from 'express';
import { imagesApi } from '@ecoo/shared/images/api';
import { translate } from '@ecoo/shared/i18n/translate';
import { mount } from '../http/mount.ts';
import { AppError } from '../http/problem.ts';
import { safeFileName } from '../storage/file-name.ts';
import { RenditionStore } from './renditions.ts';
import { acceptResult, findVersionRendition, getJob, getSubjectImages, readOriginalPreview, readResultMap, readVersionPng, reinstateVersion, retryJob, uploadImage, type ImagesDeps } from './service.ts';

/** Sent with the API's no-store like every answer: signatures must not stay in a shared PC's cache after sign-out. */
function sendImage(res: Response, type: 'image/png' | 'image/jpeg' | 'image/webp', bytes: Buffer): 'sent' {
  res.setHeader('Content-Type', type);
  res.status(200).end(bytes);
  return 'sent';
}

function uploadOf(file: Express.Multer.File | undefined, fallbackName: string) {
  if (!file) throw new AppError(400, 'problem.imageMissing', {}, [{ path: 'image', code: 'problem.imageMissing', message: translate('en', 'problem.imageMissing') }]);
  return { bytes: file.buffer, originalName: safeFileName(file.originalname, fallbackName) };
}

/**
 * A rendition's URL holds the hash of its source, so the browser may keep it for a year without
 * asking again. Private: a signature must never sit in a shared cache (a proxy, a CDN). The browser's
 * own cache may keep it after sign-out: see the README (Architecture, thumbnails).
 */
const renditionCaching = 'private, max-age=31536000, immutable';

/** Where renditions are kept: beside the files they are made from, shared by every instance. */
export interface ImagesRoutesOptions extends Omit<ImagesDeps, 'renditions'> {
  renditionsDir: string;
}

/** Returns the feature's rendition store, so the specimen register shares its limit and in-flight work rather than making its own. */
export function imagesRoutes(router: Router, options: ImagesRoutesOptions): RenditionStore {
  const { renditionsDir, ...rest } = options;
  const deps: ImagesDeps = { ...rest, renditions: new RenditionStore(renditionsDir) };
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
  mount(router, imagesApi.getImageVersionRendition, async ({ actor, params, req, res }) => {
    // Authorised before anything else, a revalidation too: a 304 would confirm the image exists.
    const rendition = await findVersionRendition(deps, actor, params);
    res.setHeader('Cache-Control', renditionCaching);
    res.setHeader('ETag', rendition.tag);
    if (req.fresh) {
      res.status(304).end();
      return 'sent';
    }
    return sendImage(res, 'image/webp', await rendition.read());
  });
  return deps.renditions;
}
