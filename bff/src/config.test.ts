import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('on an empty environment, starts the embedded default: port 8080, ./data, demo data, development outbox', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, isDemoData: true, isDevOutbox: true, smtpUrl: null, publicUrl: 'http://localhost:8080', isSecureCookie: false });
    expect(config.databaseFile.endsWith('data/ecoo.sqlite')).toBe(true);
    expect(config.dsc.demoCaDir?.endsWith('data/demo-pki')).toBe(true);
  });

  it('on PostgreSQL, needs one PAYMENT_KEY_SECRET for every instance, and takes a shared FILES_DIR', () => {
    const url = 'postgres://ecoo@db.internal:5432/ecoo';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/PAYMENT_KEY_SECRET: is required with DATABASE_URL/);
    const config = loadConfig({ DATABASE_URL: url, PAYMENT_KEY_SECRET: Buffer.alloc(32, 1).toString('base64'), FILES_DIR: '/mnt/ecoo-files', JOB_LEASE_SECONDS: '5' });
    expect(config).toMatchObject({ databaseUrl: url, filesDir: '/mnt/ecoo-files', jobLeaseMs: 5000, jobPollMs: 1000 });
    expect(loadConfig({}).filesDir.endsWith('data/files')).toBe(true);
    expect(() => loadConfig({ JOB_LEASE_SECONDS: '2' })).toThrow(/JOB_LEASE_SECONDS/);
  });

  it('accepts Class 2 and document-signer DSCs only where configured', () => {
    expect(loadConfig({ DSC_ACCEPT_CLASS2: 'true', DSC_ACCEPT_DOCUMENT_SIGNER: '1' }).dsc).toMatchObject({ acceptClass2: true, acceptDocumentSigner: true });
    expect(() => loadConfig({ DSC_ACCEPT_CLASS2: 'yes' })).toThrow(/DSC_ACCEPT_CLASS2/);
  });

  it('in production without SMTP, https PUBLIC_URL and the payment-key secret, stops and lists every bad variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL[\s\S]*PAYMENT_KEY_SECRET[\s\S]*TRUST_ROOTS_DIR[\s\S]*PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('refuses the development outbox and demo accounts on an address other machines can reach', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/SMTP_URL[\s\S]*DEMO_DATA/);
    expect(loadConfig({ HOST: '0.0.0.0', SMTP_URL: 'smtp://mail:25', PUBLIC_URL: 'https://coo.example.gov.in', DEMO_DATA: 'false' }).host).toBe('0.0.0.0');
  });

  it('takes TRUST_PROXY as a hop count or addresses, never as "trust everyone"', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('in production with SMTP and https, has no outbox and no demo data, and marks cookies Secure', () => {
    const config = loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal:25', PUBLIC_URL: 'https://coo.example.gov.in/', PAYMENT_KEY_SECRET: Buffer.alloc(32, 7).toString('base64'), TRUST_ROOTS_DIR: '/etc/ecoo/cca-roots' });
    expect(config).toMatchObject({ isDevOutbox: false, isDemoData: false, isSecureCookie: true, publicUrl: 'https://coo.example.gov.in' });
    // Production trusts the configured CCA roots only: no demo CA is made or trusted.
    expect(config.dsc).toMatchObject({ trustRootsDir: '/etc/ecoo/cca-roots', demoCaDir: null, acceptClass2: false, acceptDocumentSigner: false });
  });

  it('with SMTP_URL (real mail goes out) but no PUBLIC_URL, stops: links in mail would point to http://localhost:8080', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.internal:25' })).toThrow(/PUBLIC_URL: is required with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.internal:25', NODE_ENV: 'development', PORT: '9000' })).toThrow(/http:\/\/localhost:9000/);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.internal:25', PUBLIC_URL: 'https://coo.example.gov.in' }).publicUrl).toBe('https://coo.example.gov.in');
    // Tests deliver to their own receiver and read the links themselves.
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', NODE_ENV: 'test' }).publicUrl).toBe('http://localhost:8080');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
