import type { UsePeriod as RegisterPeriod } from '@ecoo/shared/specimen-register/schemas';

/** A stretch of time, instants as ISO 8601 UTC strings (they sort as text); `until` null is open. */
export interface Span {
  from: string;
  until: string | null;
}

export type PeriodStart = RegisterPeriod['began'];
export type PeriodEnd = RegisterPeriod['ended'];

export interface LivedPeriod extends Span {
  versionId: string;
  began: PeriodStart;
  ended: PeriodEnd;
}

/** India has one time zone and no daylight saving: IST is UTC+05:30 all year. */
const istOffsetMs = (5 * 60 + 30) * 60 * 1000;

/**
 * A day as printed on a certificate, as the instants it covers in India Standard Time: from its
 * 00:00 IST (18:30 UTC the day before) up to, not including, the next day's.
 */
export function istDay(date: string): { from: string; until: string } {
  const start = Date.parse(`${date}T00:00:00Z`) - istOffsetMs;
  return { from: new Date(start).toISOString(), until: new Date(start + 24 * 60 * 60 * 1000).toISOString() };
}

/** Whether a period of use overlaps a day: begun before the day ends, not ended before it starts. */
export const overlaps = (period: Span, day: { from: string; until: string }): boolean => period.from < day.until && (period.until === null || period.until > day.from);

/**
 * When an officer stopped being able to sign, for the register: the start (00:00 IST) of the
 * deactivation's effective date, or the moment it was recorded if that was earlier. A deactivation
 * may be backdated ("left last week"); customs comparing a certificate dated on or after the
 * effective date must not find the signature in use, although the platform let it sign until the click.
 */
export function deactivationSpan(row: { effective_date: string; revoked_at: string; reactivated_at: string | null }): Span {
  const effectiveFrom = istDay(row.effective_date).from;
  return { from: effectiveFrom < row.revoked_at ? effectiveFrom : row.revoked_at, until: row.reactivated_at };
}

/** Whose inactivity cuts the periods: an officer's (their signature) or an office's (its stamp). */
const inactivityReasons = {
  officer: { ended: 'officer-deactivated', began: 'officer-reactivated' },
  office: { ended: 'office-deactivated', began: 'office-reactivated' },
} as const satisfies Record<string, { ended: PeriodEnd; began: PeriodStart }>;

/**
 * A signature's (or stamp's) periods of use, cut by its officer's (or office's) deactivations: from
 * a deactivation to the reactivation the image was not in use (no certificate could carry it), and
 * from the reactivation it was again, the same version unless another took over meanwhile. The
 * deactivations are kept as data of their own (account_revocations, office_deactivations), written
 * in the same transaction as the deactivation; the periods are not rewritten, so one fact is kept once.
 */
export function withoutInactivity(periods: readonly LivedPeriod[], inactive: readonly Span[], of: keyof typeof inactivityReasons = 'officer'): LivedPeriod[] {
  const reason = inactivityReasons[of];
  let result = [...periods];
  for (const gap of inactive) {
    result = result.flatMap((period): LivedPeriod[] => {
      if (!overlapsSpan(period, gap)) return [period];
      const pieces: LivedPeriod[] = [];
      if (period.from < gap.from) pieces.push({ ...period, until: gap.from, ended: reason.ended });
      if (gap.until !== null && (period.until === null || period.until > gap.until)) pieces.push({ ...period, from: gap.until, began: reason.began });
      return pieces;
    });
  }
  return result.filter((period) => period.until === null || period.until > period.from);
}

/**
 * A signature accepted while its officer's request awaited approval was on no certificate until
 * the approval: its use begins then (an officer approved before it was accepted is untouched).
 */
export function fromApproval(periods: readonly LivedPeriod[], approvedAt: string): LivedPeriod[] {
  return periods
    .filter((period) => period.until === null || period.until > approvedAt)
    .map((period) => (period.from < approvedAt ? { ...period, from: approvedAt, began: 'officer-approved' as const } : period));
}

const overlapsSpan = (a: Span, b: Span): boolean => (b.until === null || a.from < b.until) && (a.until === null || a.until > b.from);
