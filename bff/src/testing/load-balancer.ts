import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer in front of several BFF instances, as production has: the browser knows one
 * address (PUBLIC_URL), and each request goes to the instance the test names with `sendTo`.
 * Headers pass unchanged, Host included, as a TCP-level balancer would leave them.
 */
export class TestLoadBalancer {
  private target = 0;

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
    this.target = port;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const upstream = http.request({ host: '127.0.0.1', port: this.target, method: req.method, path: req.url, headers: req.headers }, (answer) => {
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
