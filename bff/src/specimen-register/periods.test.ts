/** Periods of use as the register tells them: IST days, and a signature's use cut by its officer's inactivity. */
import { describe, expect, it } from 'vitest';
import { deactivationSpan, fromApproval, istDay, overlaps, withoutInactivity, type LivedPeriod } from './periods.ts';

const period = (from: string, until: string | null): LivedPeriod => ({ versionId: 'v', from, until, began: 'accepted', ended: until ? 'replaced' : null });

describe('istDay and overlaps', () => {
  it('a day printed on a certificate runs from 18:30 UTC the day before to 18:30 UTC on it', () => {
    expect(istDay('2026-03-12')).toEqual({ from: '2026-03-11T18:30:00.000Z', until: '2026-03-12T18:30:00.000Z' });
  });

  it('a period ending exactly at the day\'s start, or beginning at its end, is not in use that day; one instant inside is', () => {
    const day = istDay('2026-03-12');
    expect(overlaps(period('2026-03-01T00:00:00.000Z', '2026-03-11T18:30:00.000Z'), day)).toBe(false);
    expect(overlaps(period('2026-03-12T18:30:00.000Z', null), day)).toBe(false);
    expect(overlaps(period('2026-03-12T18:29:59.999Z', null), day)).toBe(true);
    expect(overlaps(period('2026-03-01T00:00:00.000Z', '2026-03-11T18:30:00.001Z'), day)).toBe(true);
  });
});

describe('withoutInactivity', () => {
  it('cuts an open period at each deactivation and starts it again at each reactivation; a deactivation still open ends it', () => {
    const cut = withoutInactivity(
      [period('2026-01-01T00:00:00.000Z', null)],
      [
        { from: '2026-02-01T00:00:00.000Z', until: '2026-02-10T00:00:00.000Z' },
        { from: '2026-03-01T00:00:00.000Z', until: null },
      ],
    );
    expect(cut.map((piece) => [piece.from, piece.until, piece.began, piece.ended])).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'accepted', 'officer-deactivated'],
      ['2026-02-10T00:00:00.000Z', '2026-03-01T00:00:00.000Z', 'officer-reactivated', 'officer-deactivated'],
    ]);
  });

  it('leaves a period outside the inactivity alone, drops one wholly inside it, and keeps a replacement during it as the end', () => {
    const inactive = [{ from: '2026-02-01T00:00:00.000Z', until: '2026-02-10T00:00:00.000Z' }];
    expect(withoutInactivity([period('2026-01-01T00:00:00.000Z', '2026-01-20T00:00:00.000Z')], inactive)).toEqual([period('2026-01-01T00:00:00.000Z', '2026-01-20T00:00:00.000Z')]);
    expect(withoutInactivity([period('2026-02-02T00:00:00.000Z', '2026-02-05T00:00:00.000Z')], inactive)).toEqual([]);
    // Replaced while the officer was deactivated: the new version's use starts at the reactivation.
    const replaced = withoutInactivity([period('2026-01-01T00:00:00.000Z', '2026-02-05T00:00:00.000Z'), { ...period('2026-02-05T00:00:00.000Z', null), versionId: 'w' }], inactive);
    expect(replaced.map((piece) => [piece.versionId, piece.from, piece.until, piece.began, piece.ended])).toEqual([
      ['v', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'accepted', 'officer-deactivated'],
      ['w', '2026-02-10T00:00:00.000Z', null, 'officer-reactivated', null],
    ]);
  });
});

describe('deactivationSpan', () => {
  it('starts at 00:00 IST of a backdated effective date, and at the recorded moment when that came first', () => {
    expect(deactivationSpan({ effective_date: '2026-11-26', revoked_at: '2026-12-01T06:00:00.000Z', reactivated_at: null })).toEqual({ from: '2026-11-25T18:30:00.000Z', until: null });
    // Deactivated at 23:00 IST on the 1st with effect that day: the click came after the day's start, which is earlier.
    expect(deactivationSpan({ effective_date: '2026-12-01', revoked_at: '2026-12-01T17:30:00.000Z', reactivated_at: '2026-12-03T05:00:00.000Z' })).toEqual({ from: '2026-11-30T18:30:00.000Z', until: '2026-12-03T05:00:00.000Z' });
    // Recorded before its effective day began (its row moved by a test, or a clock far off): the recorded moment.
    expect(deactivationSpan({ effective_date: '2026-12-01', revoked_at: '2026-11-30T10:00:00.000Z', reactivated_at: null }).from).toBe('2026-11-30T10:00:00.000Z');
  });
});

describe('fromApproval', () => {
  it('starts a signature accepted before the approval at the approval, drops one replaced before it, and leaves later ones alone', () => {
    const approvedAt = '2026-02-01T00:00:00.000Z';
    const periods = [period('2026-01-01T00:00:00.000Z', '2026-01-15T00:00:00.000Z'), period('2026-01-15T00:00:00.000Z', '2026-03-01T00:00:00.000Z'), period('2026-03-01T00:00:00.000Z', null)];
    expect(fromApproval(periods, approvedAt).map((piece) => [piece.from, piece.until, piece.began])).toEqual([
      [approvedAt, '2026-03-01T00:00:00.000Z', 'officer-approved'],
      ['2026-03-01T00:00:00.000Z', null, 'accepted'],
    ]);
  });
});
