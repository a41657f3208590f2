/**
 * A worker for the pool's own tests: it speaks the real protocol but does no image work. The job's
 * "original" bytes are a JSON instruction: how long to take, and whether to die halfway.
 */
import type { RunJobMessage, WorkerMessage } from '../protocol.ts';

interface Instruction {
  sleepMs: number;
  crash?: boolean;
}

const send = (message: WorkerMessage) => process.send?.(message);

process.on('message', (message: RunJobMessage) => {
  if (message?.type !== 'run') return;
  const instruction = JSON.parse(Buffer.from(message.original).toString('utf8')) as Instruction;
  send({ type: 'progress', jobId: message.jobId, step: 'analysing' });
  setTimeout(() => {
    if (instruction.crash) process.exit(3);
    send({ type: 'done', jobId: message.jobId, chosen: 'ink', reason: `pid ${process.pid}`, originalPreviewJpeg: new Uint8Array(), results: [] });
  }, instruction.sleepMs);
});
