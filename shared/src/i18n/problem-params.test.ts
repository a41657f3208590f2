import { describe, expect, it } from 'vitest';
import { officerStatuses } from '../officers/schemas.ts';
import { registrationStatuses } from '../registrations/schemas.ts';
import { en } from './en.ts';
import { hi } from './hi.ts';
import { registerCatalogue, translate } from './translate.ts';
import type { MessageKey } from './en.ts';
import type { MessageParams } from './translate.ts';

registerCatalogue('hi', hi);

/**
 * Every problem whose params name a state or an action, with each value the BFF sends: the params
 * are codes, and each catalogue words them itself, so a Hindi message holds no English word.
 */
const cases: [MessageKey, MessageParams][] = [
  ...[...registrationStatuses, 'decided'].map((status): [MessageKey, MessageParams] => ['problem.registrationDecided', { status }]),
  ...officerStatuses.map((status): [MessageKey, MessageParams] => ['problem.officerDecided', { status }]),
  ...officerStatuses.flatMap((status) => ['mapping', 'deactivation'].map((action): [MessageKey, MessageParams] => ['problem.officerNotActive', { action, status }])),
  ...officerStatuses.map((status): [MessageKey, MessageParams] => ['problem.officerNotDeactivated', { status }]),
  ...['xlsx', 'xls', 'pdf', 'binary', 'notUtf8'].map((detected): [MessageKey, MessageParams] => ['problem.importNotText', { detected }]),
];

describe('problems whose params name a state or an action', () => {
  it.each(cases)('%s %o: the Hindi message has no English word', (key, params) => {
    // Acronyms (CSV, UTF-8, PDF, ZIP), file extensions and product names stay in Latin letters.
    const words = translate('hi', key, params).match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
    expect(words.filter((word) => !/^[A-Z0-9]+$/.test(word) && !['xlsx', 'xls', 'Excel'].includes(word))).toEqual([]);
  });

  it('say the state in English words of their own, never the code', () => {
    expect(translate('en', 'problem.registrationDecided', { status: 'activated' })).toBe('This registration was already activated; it cannot be decided again.');
    expect(translate('en', 'problem.officerNotActive', { action: 'mapping', status: 'pending' })).toBe('Only an active officer can be mapped to offices; this officer is awaiting approval.');
    expect(translate('en', 'problem.importNotText', { detected: 'xlsx' })).toContain('a spreadsheet (.xlsx)');
    expect(en['problem.officerDecided']).toContain('select');
  });
});
