import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { loggableUrl } from './loggable-url.ts';

/**
 * One structured line per request when its answer is finished: correlation id, method, path,
 * status, time, user. Written by hand rather than with pino-http, which built a child logger and
 * serialised every header per request (about 85 µs each, the largest fixed cost in the benchmark);
 * headers are not logged at all, so cookies and CSRF tokens cannot leak into the log, and a
 * capability in the path (the specimen register's token) is logged as its fingerprint.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const startedAt = process.hrtime.bigint();
    res.once('finish', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          correlationId: res.locals.correlationId,
          req: { method: req.method, url: loggableUrl(req), remoteAddress: req.ip },
          res: { statusCode: status },
          userId: res.locals.actor?.id,
          responseTimeMs: Number(process.hrtime.bigint() - startedAt) / 1e6,
        },
        'request completed',
      );
    });
    next();
  };
}
