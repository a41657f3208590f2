import type { OfficeReadiness, ReadinessGap, ReadinessGapFilter } from '@ecoo/shared/readiness/schemas';

type Officers = OfficeReadiness['officers'];

/**
 * What keeps one active office from issuing. The office needs one active officer with both an
 * accepted signature and an unexpired DSC; when none has both, the gap named is what the nearest
 * officer lacks: an officer holding a DSC but no signature needs only the signature, otherwise a
 * DSC is missing too (and the signature as well when no mapped officer has one).
 */
export function gapsOf(office: { isPaymentParamsSet: boolean; isStampAccepted: boolean }, officers: Officers): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  if (!office.isPaymentParamsSet) gaps.push('payment-parameters');
  if (!office.isStampAccepted) gaps.push('stamp');
  if (officers.mapped === 0) gaps.push('officer');
  else if (officers.ready === 0) {
    if (officers.withSignature === 0) gaps.push('signature');
    if (officers.withSignature > 0 || officers.withDsc === 0) gaps.push('dsc');
  }
  return gaps;
}

export function matchesGapFilter(gaps: readonly ReadinessGap[], filter: ReadinessGapFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'any') return gaps.length > 0;
  if (filter === 'none') return gaps.length === 0;
  return gaps.includes(filter);
}
