import { pathOf } from '../http/endpoint.ts';
import { imagesApi } from './api.ts';
import type { ImageRendition, ImageThumbnails } from './schemas.ts';

/** The URL of one rendition of an accepted version whose PNG has this SHA-256. */
export const renditionUrl = (versionId: string, pngSha256: string, rendition: ImageRendition): string =>
  pathOf(imagesApi.getImageVersionRendition, { versionId, sha256: pngSha256, rendition });

/** The thumbnail URLs answers carry; they change whenever the image does, since the PNG's hash is in them. */
export const thumbnailsOf = (versionId: string, pngSha256: string): ImageThumbnails => ({
  list: renditionUrl(versionId, pngSha256, 'list-v2.webp'),
  preview: renditionUrl(versionId, pngSha256, 'preview.webp'),
});
