import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Router } from 'express';

/**
 * Serves the built SPA from the same origin as the API. Hashed assets are cached for a year;
 * index.html never, so a deploy is seen at the next load. Unknown non-API paths get index.html
 * and the SPA's router decides.
 */
export function spaRoutes(webDist: string): Router {
  const router = express.Router();
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) {
    router.get(/^(?!\/api\/).*/, (_req, res) => {
      res.status(503).type('text/plain').send('The SPA is not built. Run `npm run build` (npm start does it for you).');
    });
    return router;
  }
  const assetsDir = path.join(webDist, 'assets');
  router.use('/assets', servePrecompressed(assetsDir), express.static(assetsDir, { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(webDist, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends the build's brotli or gzip copy of an asset (scripts/precompress-assets.ts) to a browser
 * that accepts it, by pointing the request at the copy before the static handler serves it: the
 * content type stays the asset's own, and caching the same. Only copies listed at start are
 * served, so no request can name another file. `Vary: Accept-Encoding` keeps caches from handing a
 * brotli body to a browser that asked for none.
 */
function servePrecompressed(assetsDir: string): RequestHandler {
  const copies = new Set(fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir, { recursive: true }).map(String) : []);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.replace(/^\//, '');
    const variants = encodings.filter((encoding) => copies.has(name + encoding.suffix));
    if (variants.length === 0) return next();
    res.vary('Accept-Encoding');
    // Brotli first whenever it is accepted at all: browsers list gzip first but mean no preference.
    const variant = variants.find((candidate) => req.acceptsEncodings(candidate.name) === candidate.name);
    if (!variant) return next();
    res.type(path.extname(name));
    res.setHeader('Content-Encoding', variant.name);
    req.url = req.url.replace(req.path, req.path + variant.suffix);
    next();
  };
}
