import type { ReactNode } from 'react';
import type { Office } from '@ecoo/shared/offices/schemas';
import { t } from '../../../lib/i18n';
import { OfficeBadges } from './office-badges';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OfficeDetails({ office }: { office: Office }) {
  return (
    <section className="section" aria-labelledby="office-details">
      <h2 id="office-details">{t('offices.details')}</h2>
      <OfficeBadges office={office} />
      <dl className="details">
        <Row label={t('offices.field.code')}>
          <code>{office.code}</code>
        </Row>
        <Row label={t('offices.address')}>
          <address className="address">
            <span>{office.addressLine1}</span>
            {office.addressLine2 && <span>{office.addressLine2}</span>}
            <span>{office.city}</span>
            <span>{office.state}</span>
            <span>{office.pinCode}</span>
          </address>
        </Row>
        <Row label={t('offices.field.phone')}>{office.phone}</Row>
        <Row label={t('offices.field.email')}>{office.email}</Row>
        <Row label={t('offices.field.gstin')}>
          <code>{office.gstin}</code>
        </Row>
      </dl>
    </section>
  );
}

export function PaymentParams({ office }: { office: Office }) {
  return (
    <section className="section" aria-labelledby="office-payment">
      <h2 id="office-payment">{t('offices.payment')}</h2>
      <dl className="details">
        <Row label={t('offices.field.merchantId')}>{office.merchantId ? <code>{office.merchantId}</code> : t('offices.key.missing')}</Row>
        <Row label={t('offices.field.checksumKey')}>
          {office.checksumKeyFingerprint ? t('offices.key.masked', { fingerprint: office.checksumKeyFingerprint }) : t('offices.key.missing')}
        </Row>
      </dl>
    </section>
  );
}
