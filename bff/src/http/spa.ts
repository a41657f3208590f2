import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

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
  router.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.use(express.static(webDist, { index: false, maxAge: 0 }));
  router.get(/^(?!\/api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
