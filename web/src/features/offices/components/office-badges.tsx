import type { Office } from '@ecoo/shared/offices/schemas';
import { t } from '../../../lib/i18n';

/** Payment parameters count as set only with both: a Merchant ID and a stored key (its fingerprint). */
export const hasPaymentParams = (office: Office) => office.merchantId !== '' && office.checksumKeyFingerprint !== null;

/** What an office still lacks, in words, never in colour alone. */
export function OfficeBadges({ office }: { office: Office }) {
  const badges: { key: string; isGood: boolean; text: string }[] = [
    { key: 'active', isGood: office.isActive, text: office.isActive ? t('offices.badge.active') : t('offices.badge.inactive') },
    { key: 'e-wallet', isGood: office.isEWalletEnabled, text: office.isEWalletEnabled ? t('offices.badge.eWalletOn') : t('offices.badge.eWalletOff') },
    { key: 'payment', isGood: hasPaymentParams(office), text: hasPaymentParams(office) ? t('offices.badge.paymentSet') : t('offices.badge.paymentMissing') },
    { key: 'stamp', isGood: office.stampVersionId !== null, text: office.stampVersionId !== null ? t('offices.badge.stampUploaded') : t('offices.badge.stampMissing') },
  ];
  return (
    <ul className="badges">
      {badges.map((badge) => (
        <li key={badge.key} className={badge.isGood ? 'badge badge--good' : 'badge badge--missing'}>
          {badge.text}
        </li>
      ))}
    </ul>
  );
}
