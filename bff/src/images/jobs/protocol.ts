import type { BackgroundMethod, JobFailureReason, JobStep } from '@ecoo/shared/images/schemas';

/** What the BFF asks a background-removal worker process to do. */
export interface RunJobMessage {
  type: 'run';
  jobId: string;
  original: Uint8Array;
  useModel: 'auto' | 'always';
}

/** One result as files: full size for the accepted PNG, preview size for the browser's live preview. */
export interface ResultFiles {
  method: BackgroundMethod;
  width: number;
  height: number;
  colourPng: Uint8Array;
  strengthPng: Uint8Array;
  previewWidth: number;
  previewHeight: number;
  previewColourPng: Uint8Array;
  previewStrengthPng: Uint8Array;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; step: JobStep }
  | { type: 'done'; jobId: string; chosen: BackgroundMethod; reason: string; originalPreviewJpeg: Uint8Array; results: ResultFiles[] }
  | { type: 'failed'; jobId: string; reason: JobFailureReason; detail: string };

export type JobOutcome = Extract<WorkerMessage, { type: 'done' }> | Extract<WorkerMessage, { type: 'failed' }>;
