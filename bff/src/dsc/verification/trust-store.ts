import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import type { Logger } from 'pino';
import type { DscTrustConfig } from '../../config.ts';
import { pemBlocks } from './pem.ts';

export interface TrustMaterial {
  roots: x509.X509Certificate[];
  intermediates: x509.X509Certificate[];
  crls: x509.X509Crl[];
  /** The demo CA's root, as DER in hex: a DSC chaining to it is marked demo. */
  demoRoots: Set<string>;
}

export const DEMO_ROOT_FILE = 'demo-root-ca.pem';

/** DER of each PEM block with one of the labels, or the whole file as DER. */
function dersOfFile(bytes: Buffer, labels: readonly string[]): Buffer[] {
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN')) return [bytes];
  return pemBlocks(text)
    .filter(({ label }) => labels.includes(label))
    .map(({ der }) => der);
}

function filesIn(dir: string | null): string[] {
  if (!dir) return [];
  try {
    return fs
      .readdirSync(dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => path.join(dir, name))
      .filter((file) => fs.statSync(file).isFile())
      .sort();
  } catch {
    return [];
  }
}

/**
 * The roots, intermediates and CRLs a DSC is checked against, read from the configured folders and
 * read again when a file there is added, removed or changed (operators drop in a new CRL daily;
 * the console needs no restart). A file that cannot be read is logged and left out.
 */
export class TrustStore {
  private stamp = '';
  private material: TrustMaterial = { roots: [], intermediates: [], crls: [], demoRoots: new Set() };

  constructor(
    private readonly config: DscTrustConfig,
    private readonly logger: Logger,
  ) {}

  current(): TrustMaterial {
    const demoRootFile = this.config.demoCaDir ? path.join(this.config.demoCaDir, DEMO_ROOT_FILE) : null;
    const groups = {
      roots: filesIn(this.config.trustRootsDir),
      demo: demoRootFile && fs.existsSync(demoRootFile) ? [demoRootFile] : [],
      intermediates: filesIn(this.config.intermediatesDir),
      crls: filesIn(this.config.crlDir),
    };
    const stamp = JSON.stringify(Object.values(groups).flat().map((file) => {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      return [file, stat?.mtimeMs, stat?.size];
    }));
    if (stamp === this.stamp) return this.material;
    const certificates = (files: string[]) => files.flatMap((file) => this.read(file, ['CERTIFICATE'], (der) => new x509.X509Certificate(der)));
    const demo = certificates(groups.demo);
    this.material = {
      roots: [...certificates(groups.roots), ...demo],
      intermediates: certificates(groups.intermediates),
      crls: groups.crls.flatMap((file) => this.read(file, ['X509 CRL'], (der) => new x509.X509Crl(der))),
      demoRoots: new Set(demo.map((root) => Buffer.from(root.rawData).toString('hex'))),
    };
    this.stamp = stamp;
    this.logger.info({ roots: this.material.roots.length, intermediates: this.material.intermediates.length, crls: this.material.crls.length, demo: demo.length > 0 }, 'DSC trust material loaded');
    return this.material;
  }

  private read<T>(file: string, labels: readonly string[], parse: (der: Buffer) => T): T[] {
    try {
      return dersOfFile(fs.readFileSync(file), labels).map(parse);
    } catch (err) {
      this.logger.warn({ file, err: (err as Error).message }, 'DSC trust file left out: it is not a PEM or DER certificate or CRL');
      return [];
    }
  }
}
