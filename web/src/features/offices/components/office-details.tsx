import type { Office } from '@ecoo/shared/offices/schemas';
import { DetailsRow } from '../../../components/ui/details-row';
import { t } from '../../../lib/i18n';
import { OfficeBadges } from './office-badges';

export function OfficeDetails({ office }: { office: Office }) {
  return (
    <section className="section" aria-labelledby="office-details">
      <h2 id="office-details">{t('offices.details')}</h2>
      <OfficeBadges office={office} />
      <dl className="details">
        <DetailsRow label={t('offices.field.code')}>
          <code>{office.code}</code>
        </DetailsRow>
        <DetailsRow label={t('offices.address')}>
          <address className="address">
            <span>{office.addressLine1}</span>
            {office.addressLine2 && <span>{office.addressLine2}</span>}
            <span>{office.city}</span>
            <span>{office.state}</span>
            <span>{office.pinCode}</span>
          </address>
        </DetailsRow>
        <DetailsRow label={t('offices.field.phone')}>{office.phone}</DetailsRow>
        <DetailsRow label={t('offices.field.email')}>{office.email}</DetailsRow>
        <DetailsRow label={t('offices.field.gstin')}>
          <code>{office.gstin}</code>
        </DetailsRow>
      </dl>
    </section>
  );
}

export function PaymentParams({ office }: { office: Office }) {
  return (
    <section className="section" aria-labelledby="office-payment">
      <h2 id="office-payment">{t('offices.payment')}</h2>
      <dl className="details">
        <DetailsRow label={t('offices.field.merchantId')}>{office.merchantId ? <code>{office.merchantId}</code> : t('offices.key.missing')}</DetailsRow>
        <DetailsRow label={t('offices.field.checksumKey')}>
          {office.checksumKeyFingerprint ? t('offices.key.masked', { fingerprint: office.checksumKeyFingerprint }) : t('offices.key.missing')}
        </DetailsRow>
      </dl>
    </section>
  );
}
