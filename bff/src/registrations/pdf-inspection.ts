import { Worker } from 'node:worker_threads';
import { ConcurrencyLimit } from '../common/concurrency-limit.ts';

export type PdfVerdict = 'ok' | 'unreadable' | 'encrypted' | 'active-content' | 'too-complex' | 'busy';

const limits = {
  /** A 5 MB letter parses in well under a second; a bomb is stopped here. */
  timeoutMs: 10_000,
  heapMb: 384,
  /** At most this many PDFs parse at once, and this many wait; more answer "busy". */
  concurrent: 2,
  waiting: 20,
};

const inspections = new ConcurrencyLimit({ concurrent: limits.concurrent, waiting: limits.waiting });

/** Parses a PDF in a worker thread with a memory cap and a time limit, a bounded number at a time. */
export async function inspectPdf(bytes: Buffer): Promise<PdfVerdict> {
  return (await inspections.run(() => runWorker(bytes))) ?? 'busy';
}

function runWorker(bytes: Buffer): Promise<PdfVerdict> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./pdf-inspector-worker.mjs', import.meta.url), {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    let isSettled = false;
    const settle = (verdict: PdfVerdict) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(verdict);
    };
    const timer = setTimeout(() => settle('too-complex'), limits.timeoutMs);
    worker.once('message', (message: { verdict: PdfVerdict }) => settle(message.verdict));
    // ERR_WORKER_OUT_OF_MEMORY and any crash of the parser: the file is refused, the BFF goes on.
    worker.once('error', () => settle('too-complex'));
    worker.once('exit', () => settle('too-complex'));
  });
}
