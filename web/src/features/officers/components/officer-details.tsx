import type { Officer } from '@ecoo/shared/officers/schemas';
import { DetailsRow } from '../../../components/ui/details-row';
import { formatInstant, t } from '../../../lib/i18n';
import { OfficerOffices } from './officer-offices';
import { OfficerStatusBadge } from './officer-status-badge';

export function OfficerDetails({ officer }: { officer: Officer }) {
  return (
    <section className="section" aria-labelledby="officer-details">
      <h2 id="officer-details">{t('officers.details')}</h2>
      <dl className="details">
        <DetailsRow label={t('officers.column.status')}>
          <OfficerStatusBadge status={officer.status} />
        </DetailsRow>
        <DetailsRow label={t('officers.column.designation')}>{officer.designation}</DetailsRow>
        <DetailsRow label={t('officers.column.email')}>{officer.email}</DetailsRow>
        <DetailsRow label={t('officers.field.mobile')}>{officer.mobile}</DetailsRow>
        <DetailsRow label={t('officers.field.requestedOffice')}>{officer.requestedOffice ? officer.requestedOffice.name : t('officers.offices.none')}</DetailsRow>
        <DetailsRow label={t('officers.field.requestedAt')}>
          <time dateTime={officer.requestedAt}>{formatInstant(officer.requestedAt)}</time>
        </DetailsRow>
        <DetailsRow label={t('officers.column.offices')}>
          <OfficerOffices offices={officer.offices} />
        </DetailsRow>
      </dl>
    </section>
  );
}
