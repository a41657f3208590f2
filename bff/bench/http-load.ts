import autocannon from 'autocannon';
import { whole } from './numbers.ts';

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Bodies sent in turn, one a request, where one body for every request would not do. */
  bodies?: string[];
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

/** autocannon builds each request again through setupRequest: here, with the next body of the list. */
function inTurn(bodies: string[]): (request: autocannon.RequestParams) => autocannon.RequestParams {
  let next = 0;
  return (request) => ({ ...request, body: bodies[next++ % bodies.length]! });
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
    ...(target.bodies ? { requests: [{ setupRequest: inTurn(target.bodies) }] } : {}),
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

/** One line: throughput, latency, and every status seen, so a run full of 401s or 429s shows. */
export function describeLoad(figures: LoadFigures): string {
  const statuses = Object.entries(figures.statuses)
    .map(([code, count]) => `${whole(count)} × ${code}`)
    .join(', ');
  const problems = [figures.errors ? `${whole(figures.errors)} errors` : '', figures.timeouts ? `${whole(figures.timeouts)} timeouts` : ''].filter(Boolean);
  return `${whole(figures.requestsPerSecond)} req/s average, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (${statuses || 'no responses'}${problems.length ? `; ${problems.join(', ')}` : ''})`;
}

export const isAllOk = (figures: LoadFigures) => Object.keys(figures.statuses).every((code) => code === '200') && !figures.errors && !figures.timeouts;
