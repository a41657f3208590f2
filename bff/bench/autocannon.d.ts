// autocannon ships no types and @types/autocannon lags behind v8; this covers what http-load.ts uses.
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
    warmup?: { connections?: number; duration?: number };
    /** Each connection sends these in turn; setupRequest may change a request just before it is sent. */
    requests?: { setupRequest?: (request: autocannon.RequestParams) => autocannon.RequestParams }[];
  }

  interface Percentiles {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    requests: Percentiles & { sent: number };
    latency: Percentiles;
    throughput: Percentiles;
  }

  function autocannon(options: Options): Promise<Result>;
  namespace autocannon {
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }
  }
  export = autocannon;
}
