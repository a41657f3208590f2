import { describe, expect, it } from 'vitest';
import { secretFingerprint } from '../audit/record.ts';
import { loggableUrl } from './loggable-url.ts';

describe('loggableUrl', () => {
  const token = 'AbC_def-0123456789abcdefghijklmnopqrstuvwxy';
  const fingerprint = secretFingerprint(token);

  it("replaces the register's token with its fingerprint in the page, the JSON and a picture's address", () => {
    expect(loggableUrl({ originalUrl: `/register/${token}?date=2026-12-01` })).toBe(`/register/${fingerprint}?date=2026-12-01`);
    expect(loggableUrl({ originalUrl: `/api/register/${token}` })).toBe(`/api/register/${fingerprint}`);
    expect(loggableUrl({ originalUrl: `/api/register/${token}/images/v-1/list` })).toBe(`/api/register/${fingerprint}/images/v-1/list`);
  });

  it('leaves addresses without a capability as they are: registration, its confirmation, other routes', () => {
    for (const url of ['/register', '/register/confirm', '/register/confirm?x=1', '/api/registrations', '/api/offices/register/1']) expect(loggableUrl({ originalUrl: url })).toBe(url);
  });
});
