/**
 * The same request gives the same bytes whatever order the thread pool finishes its work in. The
 * stamp, signature and QR code are deflated on libuv's pool; if an image took its PDF object number
 * when its deflate finished, a job run again after a kill (on a busier machine) would store another
 * file, as a CI run on PostgreSQL once did. Here zlib's deflate is held back by the size of what it
 * deflates, once smallest first and once largest first, and both drawings must be byte for byte equal.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { sampleSpecimenContent } from '../testing/specimen-pictures.ts';
import { drawSpecimenCertificate, type SpecimenContent } from './specimen-pdf.ts';

const order = vi.hoisted(() => ({ smallestFirst: true }));

vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  type Callback = (error: Error | null, result: Buffer) => void;
  const deflate = (data: Buffer, ...rest: unknown[]) => {
    const callback = rest.pop() as Callback;
    real.deflate(data, ...(rest as []), (error: Error | null, result: Buffer) => {
      const delayMs = order.smallestFirst ? Math.min(300, data.length / 2_000) : Math.min(300, 20_000_000 / Math.max(1, data.length));
      setTimeout(() => callback(error, result), delayMs);
    });
  };
  const zlib = { ...real, deflate };
  return { ...zlib, default: zlib };
});

let content: SpecimenContent;
beforeAll(async () => {
  content = await sampleSpecimenContent();
});

describe('the specimen PDF and the thread pool', () => {
  it('is byte for byte the same whether the smallest or the largest image finishes deflating first', async () => {
    order.smallestFirst = true;
    const smallestFirst = Buffer.from(await drawSpecimenCertificate(content));
    order.smallestFirst = false;
    const largestFirst = Buffer.from(await drawSpecimenCertificate(content));
    expect(largestFirst.equals(smallestFirst)).toBe(true);
  });
});
