import type { Registration } from '@ecoo/shared/registrations/schemas';
import { registrationReference } from '@ecoo/shared/registrations/reference';
import { formatInstant, t } from '../../../lib/i18n';

export function RegistrationDetails({ registration }: { registration: Registration }) {
  return (
    <section className="section" aria-labelledby="registration-details">
      <h2 id="registration-details">{t('registration.details')}</h2>
      <dl className="details">
        <div className="details__row">
          <dt>{t('registration.reference')}</dt>
          <dd>
            <strong className="reference">{registrationReference(registration.id)}</strong>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('registrations.column.name')}</dt>
          <dd>{registration.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('registrations.column.email')}</dt>
          <dd>{registration.email}</dd>
        </div>
        <div className="details__row">
          <dt>{t('registration.mobile')}</dt>
          <dd>{registration.mobile}</dd>
        </div>
        <div className="details__row">
          <dt>{t('registrations.column.agency')}</dt>
          <dd>{registration.agency.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('register.role')}</dt>
          <dd>{t(`registrationRole.${registration.role}`)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('registrations.column.submittedAt')}</dt>
          <dd>
            <time dateTime={registration.submittedAt}>{formatInstant(registration.submittedAt)}</time>
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('registrations.column.status')}</dt>
          <dd>
            <span className={`status status--${registration.status}`}>{t(`registrations.status.${registration.status}`)}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
