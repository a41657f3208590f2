import type { OfficeReadiness, ReadinessGap } from '@ecoo/shared/readiness/schemas';
import { gapMessageKeys } from '@ecoo/shared/readiness/wording';
import { Link } from 'react-router';
import { t } from '../../../lib/i18n';

/** A fact of the office in words, and in colour only besides the words. */
export function FactBadge({ isGood, text }: { isGood: boolean; text: string }) {
  return <span className={isGood ? 'badge badge--good' : 'badge badge--missing'}>{text}</span>;
}

const yesNo = (isGood: boolean) => <FactBadge isGood={isGood} text={t(isGood ? 'readiness.yes' : 'readiness.no')} />;

/** The column headers of an office's facts, in the order ReadinessFactCells writes them. */
export function ReadinessFactHeaders() {
  return (
    <>
      <th scope="col">{t('readiness.column.paymentParameters')}</th>
      <th scope="col">{t('readiness.column.eWallet')}</th>
      <th scope="col">{t('readiness.column.stamp')}</th>
      <th scope="col">{t('readiness.column.officersReady')}</th>
    </>
  );
}

/**
 * Payment parameters and stamp as yes or no; e-wallet, the agency's choice per office and not a gap,
 * plainly; and "1 of 2": the active officers mapped who have both an accepted signature and an unexpired DSC.
 */
export function ReadinessFactCells({ readiness }: { readiness: Omit<OfficeReadiness, 'office' | 'gaps'> }) {
  const { officers } = readiness;
  return (
    <>
      <td>{yesNo(readiness.isPaymentParamsSet)}</td>
      <td>{t(readiness.isEWalletEnabled ? 'readiness.eWallet.on' : 'readiness.eWallet.off')}</td>
      <td>{yesNo(readiness.isStampAccepted)}</td>
      <td>{t('readiness.officers', { ready: officers.ready, mapped: officers.mapped })}</td>
    </>
  );
}

/**
 * What the office lacks, one item each; "Ready" when nothing. With `hrefOf`, each gap is a link to
 * the page that closes it (the administrator's view); without, words only (the reviewer's).
 */
export function GapList({ gaps, hrefOf }: { gaps: readonly ReadinessGap[]; hrefOf?: (gap: ReadinessGap) => string }) {
  if (gaps.length === 0) return <FactBadge isGood text={t('readiness.ready')} />;
  return (
    <ul className="plain-list">
      {gaps.map((gap) => (
        <li key={gap}>{hrefOf ? <Link to={hrefOf(gap)}>{t(gapMessageKeys[gap])}</Link> : t(gapMessageKeys[gap])}</li>
      ))}
    </ul>
  );
}
