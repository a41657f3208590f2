// A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, started on a free
// port with its socket in that folder, stopped and removed at the end. Needs PostgreSQL's server
// binaries (Debian: /usr/lib/postgresql/15/bin, or PG_BIN); as root it runs them as user postgres,
// since initdb refuses root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function postgresBinaries() {
  const candidates = [process.env.PG_BIN, '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].filter(Boolean);
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb'))) ?? null;
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPostgresCluster() {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries not found: install postgresql (Debian: apt-get install -y postgresql) or set PG_BIN');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const run = (tool, args) => execFileSync(asRoot ? 'runuser' : path.join(bin, tool), asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  // C locale: text sorts by code point, as SQLite's does, so both databases answer lists in one order.
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--locale=C', '-E', 'UTF8']);
  const port = await freePort();
  // fsync off: a test cluster need not survive a power cut; the tests run faster without it.
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
