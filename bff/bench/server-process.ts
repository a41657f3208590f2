import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Messages between the bench and a server it forked. */
export type ToServer = { kind: 'stop' } | { kind: 'start-profile' } | { kind: 'stop-profile'; file: string };
export type FromServer = { kind: 'ready'; port: number; [detail: string]: unknown } | { kind: 'profiling' } | { kind: 'profiled'; file: string };

export interface ServerProcess<Ready> {
  ready: Ready;
  /** The server's process id, for memory figures. */
  pid: number;
  ask<Kind extends FromServer['kind']>(message: ToServer, answerKind: Kind): Promise<Extract<FromServer, { kind: Kind }>>;
  stop(): Promise<void>;
}

const answerWithinMs = 60_000;

/**
 * Forks a server into its own process, so that it has an event loop of its own and autocannon
 * cannot take its JavaScript thread; the two still share this machine's cores. The child inherits
 * tsx's loader through execArgv.
 */
export async function startServerProcess<Ready extends FromServer & { kind: 'ready' }>(
  entry: string,
  args: string[],
  options: { execArgv?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<ServerProcess<Ready>> {
  const child = fork(entry, args, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...process.execArgv, ...(options.execArgv ?? [])],
    // Added to this process's environment; a variable given as undefined is left out.
    env: { ...process.env, ...options.env },
  });
  const ready = await nextMessage<Ready>(child, entry, 'ready');
  return {
    ready,
    pid: child.pid!,
    ask(message, answerKind) {
      const answer = nextMessage<never>(child, entry, answerKind);
      child.send(message);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.send({ kind: 'stop' } satisfies ToServer);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function nextMessage<T>(child: ChildProcess, entry: string, kind: FromServer['kind']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromServer) => {
      if (message?.kind !== kind) return;
      cleanUp();
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanUp();
      reject(new Error(`${entry} ended (${code ?? signal}) before it answered '${kind}'`));
    };
    const timer = setTimeout(() => {
      cleanUp();
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not answer '${kind}' within ${answerWithinMs / 1000} s`));
    }, answerWithinMs);
    const cleanUp = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** In the forked server: tells the bench the port, and closes down when asked or when the bench is gone. */
export function serveBench(server: Server, details: Record<string, unknown>, closeDown: () => Promise<void>, onMessage?: (message: ToServer) => void): void {
  const send = (message: FromServer) => process.send?.(message);
  server.once('listening', () => send({ ...details, kind: 'ready', port: (server.address() as AddressInfo).port }));
  let isStopping = false;
  const stop = async () => {
    if (isStopping) return;
    isStopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await closeDown();
    process.exit(0);
  };
  process.on('message', (message: ToServer) => (message.kind === 'stop' ? void stop() : onMessage?.(message)));
  process.on('disconnect', () => void stop());
}

export const sendToBench = (message: FromServer): void => void process.send?.(message);
