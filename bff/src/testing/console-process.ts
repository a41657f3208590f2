import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ConsoleProcess {
  child: ChildProcess;
  /** The BFF's own port (none for a worker). */
  port: number | null;
  /** What the process wrote, for a failing test to show. */
  output: string[];
  /** Kills it at once, as a power cut would, and waits until it is gone. */
  kill(): Promise<void>;
}

/**
 * A BFF instance (`npm start` without the SPA build) or a worker (`npm run worker`) in its own
 * process, as production runs them; answers once it serves requests or takes jobs.
 */
export async function startConsoleProcess(entry: 'bff' | 'worker', env: Record<string, string>): Promise<ConsoleProcess> {
  const port = entry === 'bff' ? await freePort() : null;
  const child = spawn(process.execPath, ['--import', 'tsx', entry === 'bff' ? 'bff/src/main.ts' : 'bff/src/worker.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'test', DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env, ...(port ? { PORT: String(port) } : {}) },
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = /is up on|is taking jobs/;
  const deadline = Date.now() + 60_000;
  while (!output.some((text) => ready.test(text))) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}) before it was ready:\n${output.join('')}`);
    if (Date.now() > deadline) throw new Error(`${entry} not ready after 60 s:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    port,
    output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
