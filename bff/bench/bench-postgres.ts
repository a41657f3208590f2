import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

/** A throwaway PostgreSQL cluster for the bench's runs on PostgreSQL, and what every process on it needs. */
export interface BenchPostgres {
  /** postgres://… of a new, empty database in the cluster. */
  newDatabase(name: string): Promise<string>;
  /** DATABASE_URL requires one (base64 of 32 bytes), the same for every process on the database. */
  paymentKeySecret: string;
  /** Stops the cluster and removes its folder. */
  stop(): void;
}

interface PostgresClusterModule {
  postgresBinaries(): string | null;
  startPostgresCluster(): Promise<{ url: string; stop(): void }>;
}

// npm test's own cluster script, plain JavaScript that node runs without tsx; imported by address so
// that tsc, which reads no .mjs here, takes the shape above instead of refusing an untyped module.
const clusterScript = pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/postgres-cluster.mjs')).href;

/**
 * Starts the cluster, or says why there is none (no server binaries, or they would not start), so
 * the bench goes on with SQLite alone. The caller stops it; Ctrl-C or a kill stops it too, since
 * pg_ctl leaves the server running on its own otherwise.
 */
export async function startBenchPostgres(): Promise<BenchPostgres | { missing: string }> {
  const { postgresBinaries, startPostgresCluster } = (await import(clusterScript)) as PostgresClusterModule;
  if (!postgresBinaries()) return { missing: 'PostgreSQL server binaries not found (Debian: apt-get install -y postgresql, or set PG_BIN)' };
  let cluster: Awaited<ReturnType<PostgresClusterModule['startPostgresCluster']>>;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    return { missing: `the PostgreSQL cluster did not start: ${(error as Error).message.split('\n')[0]}` };
  }
  let isStopped = false;
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    cluster.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  return {
    paymentKeySecret: randomBytes(32).toString('base64'),
    async newDatabase(name) {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      try {
        await admin.query(`create database ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop,
  };
}
