import path from 'node:path';
import { z } from 'zod';

const repoRoot = path.resolve(import.meta.dirname, '../..');

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    // PostgreSQL for production (several instances); unset, the embedded SQLite file under DATA_DIR.
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    PUBLIC_URL: z.url().optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default('eCoO Agency Console <no-reply@ecoo.localhost>'),
    DEMO_DATA: flag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Never "true" (trust every hop): clients could then choose their own address and slip the
    // sign-in throttle. A hop count or the proxies' addresses, as Express reads them.
    TRUST_PROXY: z
      .string()
      .regex(/^(false|\d{1,2}|[0-9a-f.:/, ]+|loopback|uniquelocal|linklocal)$/i, 'must be false, the number of proxies in front (1), or their addresses (loopback, 10.0.0.0/8)')
      .default('false'),
    WEB_DIST: z.string().min(1).default(path.join(repoRoot, 'web/dist')),
    PAYMENT_KEY_SECRET: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be base64 of 32 random bytes (openssl rand -base64 32)')
      .optional(),
    // Each worker may hold the ~1 GB subject model: workers × 1.2 GB must fit beside the BFF.
    IMAGE_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
    IMAGE_JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
    IMAGE_WORKER_IDLE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(600),
    // A process holding a job renews its lease every third of this; a process silent for longer
    // (killed, its host gone) loses its jobs to another. Short: a crash delays them less; long: a
    // pause (a busy database, a stop-the-world GC) is less likely to hand a live job over. At least 5 s:
    // the longest step that holds the event loop (a 16-megapixel render, about 1.2 s) stays well inside it.
    JOB_LEASE_SECONDS: z.coerce.number().min(5).max(3600).default(30),
    // How often each process looks for work queued by others (work queued in a process starts at once there).
    JOB_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
    // Uploaded and derived files; a folder every instance and worker mounts (NFS, EFS) with several.
    FILES_DIR: z.string().min(1).optional(),
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
    // All public Register submissions in an hour, whatever the addresses: DGFT's queue and the disk
    // take at most this many letters (5 MB each) an hour.
    REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(200),
    // Letters buffered in memory at once (5 MB each); more uploads meanwhile answer 503.
    REGISTRATION_UPLOADS_AT_ONCE: z.coerce.number().int().min(1).max(100).default(4),
    REGISTRATION_LETTER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    // DSC registration: the CCA roots (PEM files) a DSC must chain to; intermediates beyond those a
    // signature carries; CRL files (DER or PEM, one per CA), read offline since these machines reach no CA.
    TRUST_ROOTS_DIR: z.string().min(1).optional(),
    TRUST_INTERMEDIATES_DIR: z.string().min(1).optional(),
    DSC_CRL_DIR: z.string().min(1).optional(),
    DSC_ACCEPT_CLASS2: flag.default(false),
    DSC_ACCEPT_DOCUMENT_SIGNER: flag.default(false),
  })
  .superRefine((env, ctx) => {
    const isLoopback = ['127.0.0.1', 'localhost', '::1'].includes(env.HOST);
    // The outbox shows set-password links to anyone, and demo accounts have printed passwords.
    if (!isLoopback && !env.SMTP_URL && env.NODE_ENV !== 'production')
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: `is required when HOST (${env.HOST}) is not loopback: the development outbox would show password links to the network` });
    if (!isLoopback && env.DEMO_DATA !== false && env.NODE_ENV !== 'production')
      ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: `must be false when HOST (${env.HOST}) is not loopback: demo accounts have published passwords` });
    // Each instance would otherwise make its own key under its DATA_DIR and read none of the others' secrets.
    if (env.DATABASE_URL && !env.PAYMENT_KEY_SECRET)
      ctx.addIssue({ code: 'custom', path: ['PAYMENT_KEY_SECRET'], message: 'is required with DATABASE_URL: every instance and worker must seal payment-gateway keys with the same key (openssl rand -base64 32)' });
    // Real mail goes out over SMTP: its set-password and confirmation links must reach the people it
    // is sent to, which the default (this machine's own localhost) never does. Production requires an
    // https PUBLIC_URL below; tests read their own links.
    if (env.SMTP_URL && !env.PUBLIC_URL && env.NODE_ENV === 'development')
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: `is required with SMTP_URL: links in the mail sent would otherwise point to http://localhost:${env.PORT}, which no recipient can open. Set it to the address users open, such as https://coo.example.gov.in`,
      });
    if (env.NODE_ENV === 'production' && env.DEMO_DATA === true) ctx.addIssue({ code: 'custom', path: ['DEMO_DATA'], message: 'must not be true in production' });
    if (env.NODE_ENV !== 'production') return;
    if (!env.SMTP_URL) ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production: mail must be delivered' });
    if (!env.PAYMENT_KEY_SECRET)
      ctx.addIssue({ code: 'custom', path: ['PAYMENT_KEY_SECRET'], message: 'is required in production: it encrypts the payment-gateway keys, and must not sit beside the data it protects' });
    if (!env.TRUST_ROOTS_DIR)
      ctx.addIssue({ code: 'custom', path: ['TRUST_ROOTS_DIR'], message: "is required in production: the folder of CCA root certificates (PEM) that officers' DSCs must chain to" });
    if (!env.PUBLIC_URL?.startsWith('https://'))
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'must be the https:// address users open, in production' });
  });

export interface Config {
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseFile: string;
  /** postgres://… where set; null means the SQLite file. */
  databaseUrl: string | null;
  /** Where links in emails point; the console's own origin. */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** No SMTP outside production: mail is kept and shown at /dev/outbox. */
  isDevOutbox: boolean;
  isDemoData: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  trustProxy: boolean | number | string;
  isSecureCookie: boolean;
  webDist: string;
  /** Base64 master key for payment-gateway secrets; null on the embedded default, which keeps one in the data folder. */
  paymentKeySecret: string | null;
  /** Background-removal worker processes (0: jobs wait in the queue, for tests), each job's time limit, and how long an idle worker is kept. */
  imageWorkers: number;
  imageJobTimeoutMs: number;
  imageWorkerIdleMs: number;
  /** Background jobs: how long a lease lasts, how often the queue is looked at. */
  jobLeaseMs: number;
  jobPollMs: number;
  /** The file store's folder: FILES_DIR, or DATA_DIR/files. */
  filesDir: string;
  /** Public Register submissions one client address may make in an hour. */
  registrationsPerAddressPerHour: number;
  /** Public Register submissions in an hour in all; letter uploads held in memory at once; days a rejected registration's letter is kept. */
  registrationsPerHour: number;
  registrationUploadsAtOnce: number;
  registrationLetterRetentionDays: number;
  dsc: DscTrustConfig;
}

/** What an officer's DSC is checked against. Folders are read again when their files change. */
export interface DscTrustConfig {
  trustRootsDir: string | null;
  intermediatesDir: string | null;
  crlDir: string | null;
  acceptClass2: boolean;
  acceptDocumentSigner: boolean;
  /** The demo certification authority under DATA_DIR/demo-pki is made and trusted only with demo data on. */
  demoCaDir: string | null;
}

/** Parses the environment once; every bad variable is listed, and startup stops. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The console cannot start; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const isProduction = e.NODE_ENV === 'production';
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseFile: path.join(dataDir, 'ecoo.sqlite'),
    databaseUrl: e.DATABASE_URL ?? null,
    publicUrl,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    isDevOutbox: !isProduction && !e.SMTP_URL,
    isDemoData: e.DEMO_DATA ?? !isProduction,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY.toLowerCase() === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    isSecureCookie: publicUrl.startsWith('https://'),
    webDist: path.resolve(e.WEB_DIST),
    paymentKeySecret: e.PAYMENT_KEY_SECRET ?? null,
    imageWorkers: e.IMAGE_WORKERS,
    imageJobTimeoutMs: e.IMAGE_JOB_TIMEOUT_SECONDS * 1000,
    imageWorkerIdleMs: e.IMAGE_WORKER_IDLE_SECONDS * 1000,
    jobLeaseMs: Math.round(e.JOB_LEASE_SECONDS * 1000),
    jobPollMs: e.JOB_POLL_MS,
    filesDir: e.FILES_DIR ? path.resolve(e.FILES_DIR) : path.join(dataDir, 'files'),
    registrationsPerAddressPerHour: e.REGISTRATIONS_PER_ADDRESS_PER_HOUR,
    registrationsPerHour: e.REGISTRATIONS_PER_HOUR,
    registrationUploadsAtOnce: e.REGISTRATION_UPLOADS_AT_ONCE,
    registrationLetterRetentionDays: e.REGISTRATION_LETTER_RETENTION_DAYS,
    dsc: {
      trustRootsDir: e.TRUST_ROOTS_DIR ? path.resolve(e.TRUST_ROOTS_DIR) : null,
      intermediatesDir: e.TRUST_INTERMEDIATES_DIR ? path.resolve(e.TRUST_INTERMEDIATES_DIR) : null,
      crlDir: e.DSC_CRL_DIR ? path.resolve(e.DSC_CRL_DIR) : null,
      acceptClass2: e.DSC_ACCEPT_CLASS2,
      acceptDocumentSigner: e.DSC_ACCEPT_DOCUMENT_SIGNER,
      demoCaDir: (e.DEMO_DATA ?? !isProduction) ? path.join(dataDir, 'demo-pki') : null,
    },
  };
}
