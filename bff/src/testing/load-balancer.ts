import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer in front of several BFF instances, as production has: the browser knows one
 * address (PUBLIC_URL), and each request goes to the instance the test names with `sendTo`, or to
 * each of several in turn after `roundRobin`. Headers pass unchanged, Host included, as a
 * TCP-level balancer would leave them.
 */
export class TestLoadBalancer {
  private targets: number[] = [0];
  private next = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<TestLoadBalancer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const balancer = new TestLoadBalancer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => balancer.forward(req, res));
    return balancer;
  }

  /** Later requests go to the instance on `port`. */
  sendTo(port: number): void {
    this.roundRobin([port]);
  }

  /** Later requests go to the instances on `ports` in turn, one request each, whatever connection it came on. */
  roundRobin(ports: number[]): void {
    if (ports.length === 0) throw new Error('roundRobin needs at least one port');
    this.targets = [...ports];
    this.next = 0;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const port = this.targets[this.next++ % this.targets.length]!;
    // A connection of its own for each request: a kept-alive one that the instance closes just as
    // it is reused would turn a good request into a 502.
    const upstream = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
