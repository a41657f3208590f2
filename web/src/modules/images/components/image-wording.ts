import type { MessageKey } from '@ecoo/shared/i18n/en';

/** Whose image a page manages: the words name it, so the signature page never speaks of a stamp. */
export type ImageKind = 'stamp' | 'signature';

/**
 * The catalogue keys of the words that name the image. The stamp's keys are the module's first
 * ones, and the signature's upload and review keys predate the module; end-to-end specs use both.
 */
const wording = {
  stamp: {
    uploadLabel: 'images.upload.file',
    uploadHint: 'images.upload.hint',
    accept: 'images.review.accept',
    accepted: 'images.review.accepted',
    versionsCaption: 'images.versions.caption',
    versionAlt: 'images.versions.alt',
  },
  signature: {
    uploadLabel: 'officers.signature.file',
    uploadHint: 'images.signature.upload.hint',
    accept: 'officers.signature.accept',
    accepted: 'officers.signature.accepted',
    versionsCaption: 'images.signature.versions.caption',
    versionAlt: 'images.signature.versions.alt',
  },
} as const satisfies Record<ImageKind, Record<string, MessageKey>>;

export type ImageWord = keyof (typeof wording)[ImageKind];

/** The catalogue key of one of the image's words, for this kind of image. */
export const imageWordKey = (kind: ImageKind, word: ImageWord): MessageKey => wording[kind][word];
