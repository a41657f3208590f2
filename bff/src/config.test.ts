import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('on an empty environment, starts the embedded default: port 8080, ./data, demo data, development outbox', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, isDemoData: true, isDevOutbox: true, smtpUrl: null, publicUrl: 'http://localhost:8080', isSecureCookie: false });
    expect(config.databaseFile.endsWith('data/ecoo.sqlite')).toBe(true);
  });

  it('in production without SMTP and https PUBLIC_URL, stops and lists every bad variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PORT: 'eighty' })).toThrow(/PORT[\s\S]*SMTP_URL[\s\S]*PUBLIC_URL|PORT/);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      expect(String(err)).toContain('SMTP_URL');
      expect(String(err)).toContain('PUBLIC_URL');
      expect(String(err)).toContain('PAYMENT_KEY_SECRET');
    }
  });

  it('in production with SMTP and https, has no outbox and no demo data, and marks cookies Secure', () => {
    const config = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal:25', PUBLIC_URL: 'https://coo.example.gov.in/', PAYMENT_KEY_SECRET: Buffer.alloc(32, 7).toString('base64') });
    expect(config).toMatchObject({ isDevOutbox: false, isDemoData: false, isSecureCookie: true, publicUrl: 'https://coo.example.gov.in' });
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
