import { useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { PageHeading } from '../../../components/ui/page-heading';
import { useRegistration } from '../api/get-registration';
import { DecisionPanel } from '../components/decision-panel';
import { LetterViewer } from '../components/letter-viewer';
import { RegistrationDetails } from '../components/registration-details';

export function RegistrationPage() {
  const { registrationId = '' } = useParams();
  const registration = useRegistration(registrationId);

  return (
    <>
      <BackLink to={paths.review.registrations.getHref()}>{t('registration.back')}</BackLink>
      {registration.isPending ? (
        <Loading />
      ) : registration.isError ? (
        <>
          <PageHeading>{t('app.error.title')}</PageHeading>
          <Alert tone="error">{problemMessage(registration.error)}</Alert>
        </>
      ) : (
        <>
          <PageHeading help="reviewer#registrations">{t('registration.title', { name: registration.data.name })}</PageHeading>
          <div className="registration">
            <div className="registration__facts">
              <RegistrationDetails registration={registration.data} />
              <DecisionPanel registration={registration.data} />
            </div>
            <LetterViewer registration={registration.data} />
          </div>
        </>
      )}
    </>
  );
}
