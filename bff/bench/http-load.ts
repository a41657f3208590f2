import autocannon from 'autocannon';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadShape {
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  /** Status code → count, so a run full of 401s or 429s is seen for what it is. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Runs one autocannon load against this machine only; the warm-up lets V8 compile the hot paths before counting. */
export async function runLoad(target: LoadTarget, shape: LoadShape): Promise<LoadFigures> {
  const { hostname } = new URL(target.url);
  if (hostname !== '127.0.0.1') throw new Error(`The bench loads 127.0.0.1 only, not ${hostname}`);
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    ...(target.body === undefined ? {} : { body: target.body }),
    connections: shape.connections,
    duration: shape.seconds,
    warmup: { connections: shape.connections, duration: shape.warmupSeconds },
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    responses: Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0),
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
