import type { ReactNode } from 'react';
import type { Officer } from '@ecoo/shared/officers/schemas';
import { formatInstant, t } from '../../../lib/i18n';
import { OfficerOffices } from './officer-offices';
import { OfficerStatusBadge } from './officer-status-badge';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OfficerDetails({ officer }: { officer: Officer }) {
  return (
    <section className="section" aria-labelledby="officer-details">
      <h2 id="officer-details">{t('officers.details')}</h2>
      <dl className="details">
        <Row label={t('officers.column.status')}>
          <OfficerStatusBadge status={officer.status} />
        </Row>
        <Row label={t('officers.column.designation')}>{officer.designation}</Row>
        <Row label={t('officers.column.email')}>{officer.email}</Row>
        <Row label={t('officers.field.mobile')}>{officer.mobile}</Row>
        <Row label={t('officers.field.requestedOffice')}>{officer.requestedOffice ? officer.requestedOffice.name : t('officers.offices.none')}</Row>
        <Row label={t('officers.field.requestedAt')}>
          <time dateTime={officer.requestedAt}>{formatInstant(officer.requestedAt)}</time>
        </Row>
        <Row label={t('officers.column.offices')}>
          <OfficerOffices offices={officer.offices} />
        </Row>
      </dl>
    </section>
  );
}
