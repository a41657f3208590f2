/**
 * The images feature's public surface: the routes and job runner the app starts, the subject kinds
 * other features plug in, and the background-removal pipeline the command line and benchmarks use.
 */
export { imagesRoutes } from './routes.ts';
export type { ImagesDeps } from './service.ts';
export type * from './subjects.ts';
export { endUsePeriod, usePeriodsOfAgency, type UsePeriod } from './use-periods.ts';
export { RenditionStore } from './renditions.ts';
export { backgroundRemovalJobs, maxAttempts as backgroundRemovalAttempts } from './jobs/job-runner.ts';
export { acceptRenderJobs } from './jobs/accept-render.ts';
export { decodeImage, ImageRefusal } from './intake/decode-image.ts';
export { removeBackground, renderCandidate, type BackgroundMethod, type RemovalCandidate, type RemovalOptions, type SubjectModel } from './background-removal/remove-background.ts';
export { createSubjectModel } from './background-removal/subject-model.ts';
export { isScoredPicture, scoreAlpha, summariseScores, type AlphaScores } from './background-removal/scores.ts';
// Square-window dilation: the bench's loss split (bench/scenes/loss-attribution.ts) measures "near the ink" with it.
export { maxFilter } from './background-removal/planes.ts';
