/** A small browser stand-in for tests: keeps cookies, fetches the CSRF token and sends it on changes, as the SPA does. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(method: string, path: string, options: { json?: unknown; form?: FormData; headers?: Record<string, string>; skipCsrf?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET' && !options.skipCsrf) {
      this.csrfToken ??= await this.fetchCsrfToken();
      headers['x-csrf-token'] ??= this.csrfToken;
    }
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) body = options.form;
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    const response = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    this.keepCookies(response);
    return response;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, json?: unknown) => this.request('POST', path, { json });
  put = (path: string, json?: unknown) => this.request('PUT', path, { json });
  delete = (path: string) => this.request('DELETE', path);
  upload = (path: string, form: FormData) => this.request('POST', path, { form });

  async signIn(email: string, password: string): Promise<Response> {
    const response = await this.post('/api/session', { email, password });
    if (response.ok) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  private async fetchCsrfToken(): Promise<string> {
    const response = await this.get('/api/session');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const isExpired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
