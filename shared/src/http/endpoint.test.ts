import { describe, expect, it } from 'vitest';
import { pathOf } from './endpoint.ts';
import { api } from '../api.ts';

describe('pathOf', () => {
  it('fills and encodes path parameters', () => {
    expect(pathOf(api.getRegistration, { registrationId: 'a/b' })).toBe('/api/registrations/a%2Fb');
  });
  it('throws when a parameter is missing', () => {
    expect(() => pathOf(api.getRegistration)).toThrow(/registrationId/);
  });
});

describe('the route table', () => {
  it('has one entry per method and path, all under /api', () => {
    const keys = Object.values(api).map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key.split(' ')[1]?.startsWith('/api/'))).toBe(true);
  });
  it('declares every path parameter in its params schema', () => {
    for (const endpoint of Object.values(api)) {
      const names = [...endpoint.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      expect(Object.keys(('params' in endpoint && endpoint.params?.shape) || {})).toEqual(names);
    }
  });
});
