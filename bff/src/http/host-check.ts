import type { Request, RequestHandler } from 'express';
import { AppError } from './problem.ts';

/**
 * The Vite dev server of `npm run dev` (vite.config.ts). Its proxy entry for /api is the short string
 * form, so changeOrigin is off: the BFF sees the browser's own Host (localhost:5173) and Origin.
 */
export const viteDevServerOrigin = 'http://localhost:5173';

const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLocalDevelopment = (config: { publicUrl: string; isProduction: boolean }) => !config.isProduction && loopbackHostnames.has(new URL(config.publicUrl).hostname);

/**
 * The origins the console is opened at: PUBLIC_URL's alone, and, outside production while PUBLIC_URL
 * is a loopback address (the README's development flow), also the Vite dev server's on this machine.
 */
export function consoleOrigins(config: { publicUrl: string; isProduction: boolean }): string[] {
  const publicOrigin = new URL(config.publicUrl).origin;
  return isLocalDevelopment(config) ? [publicOrigin, viteDevServerOrigin] : [publicOrigin];
}

/** Health probes are answered under any Host: a load balancer checks each instance by its own address. */
const isHealthProbe = (req: Request) => (req.method === 'GET' || req.method === 'HEAD') && req.path === '/api/health';

/** A Host header (or X-Forwarded-Host from a trusted proxy) as a URL host: lower case, the scheme's default port dropped. */
function normalisedHost(raw: string | undefined, protocol: string): string | undefined {
  // Only name, address and port characters, so "evil.example@127.0.0.1" cannot parse as our host.
  if (!raw || !/^[A-Za-z0-9.\-:[\]]+$/.test(raw)) return undefined;
  try {
    return new URL(`${protocol}//${raw}`).host;
  } catch {
    return undefined;
  }
}

/**
 * Answers only requests made to the console's own host. Without this, a page at attacker.example whose
 * name is re-pointed at the console's address (DNS rebinding) is, to the browser, of the same origin as
 * the console: it could read the development outbox, or hold a CSRF pair of its own and sign in with
 * it. 421 Misdirected Request says the request reached a server that does not serve that host.
 * In local development (a loopback PUBLIC_URL outside production) any loopback name and port is served:
 * a rebinding page cannot send one, and `npm run dev`, the bench and a developer's 127.0.0.1 need them.
 */
export function hostCheck(config: { publicUrl: string; isProduction: boolean }): RequestHandler {
  const protocol = new URL(config.publicUrl).protocol;
  const hosts = new Set(consoleOrigins(config).map((origin) => new URL(origin).host));
  const isLocal = isLocalDevelopment(config);
  return (req, _res, next) => {
    if (isHealthProbe(req)) return next();
    const host = normalisedHost(req.host, protocol);
    if (host && (hosts.has(host) || (isLocal && loopbackHostnames.has(new URL(`${protocol}//${host}`).hostname)))) return next();
    next(new AppError(421, 'problem.wrongHost', { publicUrl: config.publicUrl }));
  };
}
