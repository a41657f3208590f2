import zlib from 'node:zlib';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';

/** Below this a compressed body saves less than its own headers and the CPU cost: a session check, a 404. */
const thresholdBytes = 1024;

/**
 * Brotli's quality for answers made per request: 4 (the package's default too, said here so it is a
 * choice) compresses JSON nearly as well as 11 at a small part of the CPU. Static assets are
 * compressed once at build time at the highest quality instead (spa.ts).
 */
const brotliQuality = 4;

/** Text only: images, PDFs and other binaries are compressed already, and would only cost CPU. */
function isText(req: Request, res: Response): boolean {
  const type = String(res.getHeader('Content-Type') ?? '');
  if (/^(image|audio|video)\//i.test(type)) return false;
  // The package's own judgement (mime-db): JSON, problem+json, text/*, CSV yes; PDF, zip no.
  return compression.filter(req, res);
}

/**
 * Compresses the API's text answers (JSON, problem+json, CSV, …) by the request's Accept-Encoding:
 * brotli where accepted (browsers list gzip first but mean no preference), else gzip; nothing when
 * neither is accepted or the body is under 1 KB. Sets `Vary: Accept-Encoding` on every text answer,
 * compressed or not, so no cache hands a brotli body to a client that asked for none.
 *
 * The `compression` package (expressjs) rather than node:zlib by hand: it already handles what a
 * hand-made one must get right, streamed writes with backpressure, HEAD, 204/304 with no body,
 * `Cache-Control: no-transform`, a client that goes away mid-answer (the zlib stream is released).
 *
 * Mounted on the API router only: the SPA's assets are served precompressed (spa.ts).
 */
export function compressApiAnswers(): RequestHandler {
  const compress = compression({
    threshold: thresholdBytes,
    filter: isText,
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality } },
  });
  return (req, res, next) => compress(req, res, (err?: unknown) => {
    if (!err) keepLengthOfWholeBodies(res);
    next(err);
  });
}

/**
 * The package sends the headers before the body in `res.end(bytes)`, so Node no longer counts the
 * body and an image or letter would go chunked, without Content-Length (no progress, no size for a
 * download). A body given whole is counted here first; where it is then compressed, the package
 * drops the header again.
 */
function keepLengthOfWholeBodies(res: Response): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (chunk instanceof Uint8Array && !res.headersSent && !res.hasHeader('Content-Length')) res.setHeader('Content-Length', chunk.byteLength);
    return end(...args);
  }) as Response['end'];
}
