import { expect, test, type Request } from '@playwright/test';
import { t } from '../support/actions.ts';

// What a regional office's slow line pays for the first page: the page itself names the session and
// health answers it needs (link rel=preload), so they travel beside the scripts instead of after them,
// and the app's own calls take those answers rather than asking again.
test('a first visit asks for the session and the health once each, preloaded beside the scripts, and gets its scripts compressed', async ({ page }) => {
  const apiCalls: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request);
  });
  const scripts: { url: string; encoding: string | undefined; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push({ url: response.url(), encoding: (await response.headerValue('content-encoding')) ?? undefined, bytes: (await response.body()).length });
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: t('nav.signIn') }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');

  const calls = apiCalls.map((request) => `${request.method()} ${new URL(request.url()).pathname}`).sort();
  expect(calls).toEqual(['GET /api/health', 'GET /api/session']);
  // Chromium calls a request fetch() made "fetch", and one the page's preload made "other": one request
  // each, not made by fetch(), is the preload's, taken by the app (an unused preload would add a second).
  for (const request of apiCalls) expect(request.resourceType(), request.url()).not.toBe('fetch');
  // Below 1 KB a compressed copy would save less than its headers cost, and the build makes none.
  const worthCompressing = scripts.filter((script) => script.bytes >= 1024);
  expect(worthCompressing.length).toBeGreaterThan(0);
  for (const script of worthCompressing) expect(script.encoding, script.url).toBe('br');
});
