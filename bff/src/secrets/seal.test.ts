import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretSealer, loadMasterKey } from './seal.ts';

const sealer = new SecretSealer(randomBytes(32));

describe('SecretSealer', () => {
  it('opens what it sealed, and the sealed text holds no trace of the key', () => {
    const sealed = sealer.seal('kR9!xQ2#pL7v', 'office-1');
    expect(sealed.startsWith('v1:')).toBe(true);
    expect(sealed).not.toContain('kR9!xQ2#pL7v');
    expect(Buffer.from(sealed.slice(3), 'base64').includes(Buffer.from('kR9!xQ2#pL7v'))).toBe(false);
    expect(sealer.open(sealed, 'office-1')).toBe('kR9!xQ2#pL7v');
  });

  it('seals the same key differently each time', () => {
    expect(sealer.seal('same', 'o')).not.toBe(sealer.seal('same', 'o'));
  });

  it('refuses to open a key moved to another office, or tampered with', () => {
    const sealed = sealer.seal('kR9!xQ2#pL7v', 'office-1');
    expect(() => sealer.open(sealed, 'office-2')).toThrow();
    const bytes = Buffer.from(sealed.slice(3), 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => sealer.open(`v1:${bytes.toString('base64')}`, 'office-1')).toThrow();
  });

  it('fingerprints stably per master key, and differently under another master key', () => {
    expect(sealer.fingerprint('abc')).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(sealer.fingerprint('abc')).toBe(sealer.fingerprint('abc'));
    expect(sealer.fingerprint('abc')).not.toBe(sealer.fingerprint('abd'));
    expect(new SecretSealer(randomBytes(32)).fingerprint('abc')).not.toBe(sealer.fingerprint('abc'));
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => new SecretSealer(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('loadMasterKey', () => {
  it('generates a key into the data folder once, owner-only, and reads the same one back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-seal-'));
    const first = loadMasterKey(null, dir);
    expect(first).toHaveLength(32);
    expect(loadMasterKey(null, dir).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secrets', 'payment-key-secret')).mode & 0o777).toBe(0o600);
  });

  it('uses the configured key when there is one', () => {
    const key = randomBytes(32);
    expect(loadMasterKey(key.toString('base64'), '/nonexistent').equals(key)).toBe(true);
  });
});
