import { randomUUID } from 'node:crypto';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { api } from '@ecoo/shared/api';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { FileStore } from './storage/files.ts';
import type { Mailer } from './mail/mailer.ts';
import { apiHeaders } from './http/api-headers.ts';
import { compressApiAnswers } from './http/compression.ts';
import { csrfProtection } from './http/csrf.ts';
import { consoleOrigins, hostCheck } from './http/host-check.ts';
import { requestLog } from './http/request-log.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { problemHandler, routeNotFound } from './http/problem.ts';
import { spaRoutes } from './http/spa.ts';
import { accountsRoutes, loadActor } from './accounts/index.ts';
import { agenciesRoutes } from './agencies/index.ts';
import { registrationsRoutes } from './registrations/index.ts';
import { outboxRoutes } from './outbox/index.ts';
import { healthRoutes } from './health/index.ts';
import { officeStampSubject, officesRoutes } from './offices/index.ts';
import { imagesRoutes } from './images/index.ts';
import type { JobKind } from './jobs/index.ts';
import { officerSignatureSubject, officersRoutes } from './officers/index.ts';
import { administratorsRoutes } from './administrators/index.ts';
import { dscRoutes, type TrustStore } from './dsc/index.ts';
import { readinessRoutes } from './readiness/index.ts';
import { auditRoutes } from './audit/routes.ts';
import { specimensRoutes } from './specimens/index.ts';
import { registerPageHeaders, specimenRegisterRoutes } from './specimen-register/index.ts';
import type { SecretSealer } from './secrets/seal.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  files: FileStore;
  mailer: Mailer;
  logger: Logger;
  sealer: SecretSealer;
  /** The roots, intermediates and CRLs officers' DSCs are checked against. */
  dscTrust: TrustStore;
  /** Tells the background-removal job runner that work was queued. */
  /** Starts this process's jobs of a kind at once, rather than at the next poll. */
  wakeJobs: (kind: JobKind) => void;
}

/** The Express app without listen(): main.ts serves it, tests start it on port 0. */
export function createApp(deps: AppDeps): Express {
  const { config, db, files, mailer, logger, sealer } = deps;
  const app = express();
  app.disable('x-powered-by');
  // API answers are personal data marked no-store (below), so an ETag would never be used: skip hashing every body.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);

  app.use((_req, res, next) => {
    res.locals.correlationId = randomUUID();
    res.setHeader('X-Correlation-Id', res.locals.correlationId);
    next();
  });
  app.use(requestLog(logger));
  const pageHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          ...(config.isSecureCookie ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: config.isSecureCookie,
  });
  const apiOnlyHeaders = apiHeaders({ isSecure: config.isSecureCookie });
  app.use((req, res, next) => (req.path.startsWith('/api/') ? apiOnlyHeaders(req, res, next) : pageHeaders(req, res, next)));
  // Pages and API alike answer only at PUBLIC_URL's host (the health probe excepted): see host-check.ts.
  app.use(hostCheck(config));

  const apiRouter = express.Router();
  // First, so every API answer passes through it, the problems problemHandler sends included.
  apiRouter.use(compressApiAnswers());
  const parseJson = express.json({ limit: '100kb' });
  apiRouter.use((req, res, next) => (req.method === 'GET' ? next() : parseJson(req, res, next)));
  apiRouter.use(csrfProtection({ origins: consoleOrigins(config) }));
  const accounts = { db, mailer, publicUrl: config.publicUrl };
  apiRouter.use(loadActor(accounts));
  // Every feature mounts its endpoints on this one router: nested routers cost a dispatch each.
  registrationsRoutes(apiRouter, {
    db,
    files,
    mailer,
    publicUrl: config.publicUrl,
    limits: { perAddressPerHour: config.registrationsPerAddressPerHour, perHour: config.registrationsPerHour, uploadsAtOnce: config.registrationUploadsAtOnce },
  });
  accountsRoutes(apiRouter, { ...accounts, isSecureCookie: config.isSecureCookie });
  agenciesRoutes(apiRouter, db);
  officesRoutes(apiRouter, { db, sealer });
  officersRoutes(apiRouter, { db, mailer, publicUrl: config.publicUrl });
  administratorsRoutes(apiRouter, { db, mailer, publicUrl: config.publicUrl });
  dscRoutes(apiRouter, { db, trust: deps.dscTrust, config: config.dsc });
  readinessRoutes(apiRouter, { db });
  auditRoutes(apiRouter, { db });
  specimensRoutes(apiRouter, { db, files, wakeSpecimens: () => deps.wakeJobs('specimen-certificate') });
  const renditions = imagesRoutes(apiRouter, {
    db,
    files,
    renditionsDir: path.join(config.filesDir, 'renditions'),
    wakeRunner: () => deps.wakeJobs('background-removal'),
    wakeRenderer: () => deps.wakeJobs('accept-render'),
    subjects: { 'office-stamp': officeStampSubject, 'officer-signature': officerSignatureSubject(mailer) },
  });
  // The images feature's store: one limit on renditions made at once, and one in-flight map, for both features.
  specimenRegisterRoutes(apiRouter, { db, files, renditions });
  healthRoutes(apiRouter, config);
  outboxRoutes(apiRouter, db, config.isDevOutbox);
  const openApi = buildOpenApiDocument(api);
  apiRouter.get('/api/openapi.json', (_req, res) => void res.json(openApi));
  apiRouter.use('/api', (_req, _res, next) => next(routeNotFound()));

  // The SPA's files never pass through the API's session and CSRF layers.
  app.use((req, res, next) => (req.path.startsWith('/api/') ? apiRouter(req, res, next) : next()));
  app.use(registerPageHeaders);
  app.use(spaRoutes(config.webDist));
  app.use(problemHandler(logger));
  return app;
}
