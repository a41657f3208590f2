import { z } from 'zod';
import { IdSchema, InstantSchema } from '../common/fields.ts';
import { sensitivityRange } from './ink-alpha.ts';
import { backgroundMethods } from './methods.ts';

/** What an image is for: the stamp of a regional office, or the signature of an issuing officer. */
export const imagePurposes = ['office-stamp', 'officer-signature'] as const;
export type ImagePurpose = (typeof imagePurposes)[number];

export { backgroundMethods, isBackgroundMethod, type BackgroundMethod } from './methods.ts';

export const jobStates = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

/** What a running job is doing, as its worker reports it. */
export const jobSteps = ['analysing', 'loading-model', 'running-model', 'extracting-ink'] as const;
export type JobStep = (typeof jobSteps)[number];

export const jobFailureReasons = ['unreadable', 'timeout', 'crashed', 'out-of-memory', 'internal'] as const;
export type JobFailureReason = (typeof jobFailureReasons)[number];

/** 'auto' runs the subject model only when the picture needs it; 'always' adds its results too (slower). */
export const modelUses = ['auto', 'always'] as const;

/** The same limits the BFF enforces; the SPA shows them before upload. */
export const imageUploadLimits = { maxBytes: 15 * 1024 * 1024, maxMegapixels: 40 } as const;

/**
 * The small renditions of an accepted stamp or signature that pages show instead of the full PNG
 * (issue 14): WebP with its alpha. `list` is the thumbnail box of tables (8rem × 4rem) at 2× pixel
 * density, always exactly this size (the image centred on transparent padding), so an <img> can
 * say its size before it loads; `preview`, for a page about one office or officer, is fitted inside
 * its box, never enlarged. A change of sizes or encoding takes a new name, so cached URLs stay true:
 * `list-v2` replaced `list` (fitted inside 256 × 128, lossy) when the box became fixed.
 */
export const imageRenditions = {
  'list-v2.webp': { width: 256, height: 128 },
  'preview.webp': { width: 320, height: 320 },
} as const;
export type ImageRendition = keyof typeof imageRenditions;
export const imageRenditionNames = Object.keys(imageRenditions) as [ImageRendition, ...ImageRendition[]];

/** Where the renditions of one accepted image are: content-addressed URLs the browser may keep. */
export const ImageThumbnailsSchema = z.object({
  list: z.string(),
  preview: z.string(),
});
export type ImageThumbnails = z.infer<typeof ImageThumbnailsSchema>;

export const SensitivitySchema = z.number().int().min(sensitivityRange.min).max(sensitivityRange.max);

export const RemovalCandidateSchema = z.object({
  method: z.enum(backgroundMethods),
  /** Size of the full-resolution result. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Size of the preview maps the browser draws (the same, or smaller for large pictures). */
  previewWidth: z.number().int().positive(),
  previewHeight: z.number().int().positive(),
});
export type RemovalCandidate = z.infer<typeof RemovalCandidateSchema>;

export const BackgroundJobSchema = z.object({
  id: IdSchema,
  uploadId: IdSchema,
  purpose: z.enum(imagePurposes),
  subjectId: IdSchema,
  fileName: z.string(),
  useModel: z.enum(modelUses),
  state: z.enum(jobStates),
  step: z.enum(jobSteps).nullable(),
  /** Jobs ahead of this one while it is queued. */
  jobsAhead: z.number().int().nonnegative().nullable(),
  failureReason: z.enum(jobFailureReasons).nullable(),
  queuedAt: InstantSchema,
  startedAt: InstantSchema.nullable(),
  finishedAt: InstantSchema.nullable(),
  chosenMethod: z.enum(backgroundMethods).nullable(),
  candidates: z.array(RemovalCandidateSchema),
  acceptedVersionId: IdSchema.nullable(),
});
export type BackgroundJob = z.infer<typeof BackgroundJobSchema>;

export const ImageVersionSchema = z.object({
  id: IdSchema,
  purpose: z.enum(imagePurposes),
  subjectId: IdSchema,
  /** 1 for the first accepted image of the subject, then 2, 3, … */
  version: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  method: z.enum(backgroundMethods),
  sensitivity: SensitivitySchema,
  jobId: IdSchema,
  acceptedAt: InstantSchema,
  acceptedBy: z.string(),
  isCurrent: z.boolean(),
  thumbnails: ImageThumbnailsSchema,
});
export type ImageVersion = z.infer<typeof ImageVersionSchema>;

/**
 * An office's stamp or an officer's signature: the version certificates use now, every accepted
 * version, and the latest upload's job.
 */
export const SubjectImagesSchema = z.object({
  current: ImageVersionSchema.nullable(),
  versions: z.array(ImageVersionSchema),
  latestJob: BackgroundJobSchema.nullable(),
});
export type SubjectImages = z.infer<typeof SubjectImagesSchema>;

export const AcceptResultSchema = z.strictObject({
  method: z.enum(backgroundMethods),
  sensitivity: SensitivitySchema,
});

export const RetryJobSchema = z.strictObject({
  useModel: z.enum(modelUses),
});

/** The two maps of a result the browser combines live: ink colour and ink strength. */
export const resultMaps = ['colour', 'strength'] as const;
