import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipLevel = 9;

export interface InitialScript {
  /** As index.html names it, e.g. /assets/index-3f2a.js. */
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export type InitialJs =
  | { kind: 'measured'; scripts: InitialScript[]; totalGzipBytes: number; uncounted: { url: string; reason: string }[] }
  | { kind: 'not-built'; indexFile: string };

/**
 * The JavaScript a first visit must fetch before the SPA runs: the module entry scripts and the
 * chunks Vite lists as modulepreload in index.html. Lazily loaded route chunks are not counted.
 */
export async function measureInitialJs(webDist: string): Promise<InitialJs> {
  const indexFile = path.join(webDist, 'index.html');
  let html: string;
  try {
    html = await fs.readFile(indexFile, 'utf8');
  } catch {
    return { kind: 'not-built', indexFile };
  }
  const scripts: InitialScript[] = [];
  const uncounted: { url: string; reason: string }[] = [];
  for (const url of initialScriptUrls(html)) {
    const file = fileOf(webDist, url);
    if (!file) {
      uncounted.push({ url, reason: 'not served from web/dist' });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      uncounted.push({ url, reason: 'file missing' });
      continue;
    }
    scripts.push({ url, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: gzipLevel }).length });
  }
  return { kind: 'measured', scripts, totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), uncounted };
}

/** Every <script type="module" src> and <link rel="modulepreload" href>, in document order, each once. */
export function initialScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag, name] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attributes = attributesOf(tag);
    const isModuleScript = name!.toLowerCase() === 'script' && attributes.get('type') === 'module' && attributes.has('src');
    const isModulePreload = name!.toLowerCase() === 'link' && relTokens(attributes.get('rel')).includes('modulepreload') && attributes.has('href');
    const url = isModuleScript ? attributes.get('src') : isModulePreload ? attributes.get('href') : undefined;
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const afterName = tag.replace(/^<\w+/, '');
  for (const match of afterName.matchAll(/([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

const relTokens = (rel: string | undefined) => (rel ?? '').toLowerCase().split(/\s+/);

/**
 * Vite writes root-relative URLs (/assets/…); a relative base (./assets/…) resolves from index.html
 * alike. A script from another origin has no file here; it is reported, not counted.
 */
function fileOf(webDist: string, url: string): string | undefined {
  const { pathname, origin } = new URL(url, 'http://spa.invalid/');
  if (origin !== 'http://spa.invalid') return undefined;
  const file = path.join(webDist, decodeURIComponent(pathname));
  return file.startsWith(webDist + path.sep) ? file : undefined;
}
