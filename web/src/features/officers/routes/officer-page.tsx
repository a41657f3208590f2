import { BackLink } from '../../../components/ui/back-link';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { PageHeading } from '../../../components/ui/page-heading';
import { DecisionPanel } from '../components/decision-panel';
import { OfficeMappingForm } from '../components/office-mapping-form';
import { OfficerDetails } from '../components/officer-details';
import { OfficerDscPanel } from '../components/officer-dsc-panel';
import { OfficerHistory } from '../components/officer-history';
import { OfficerStatusPanel } from '../components/officer-status-panel';
import { SignaturePanel } from '../components/signature-panel';
import { WithOfficer } from './officer-loader';

/** User Management → an officer: the request and its decision, offices, signature, DSC, status and history. */
export function OfficerPage() {
  return (
    <>
      <BackLink to={paths.dashboard.users.getHref()}>{t('officers.back')}</BackLink>
      <WithOfficer>
        {(officer) => (
          <>
            <PageHeading help="administrator#users">{officer.name}</PageHeading>
            <div>
              <OfficerDetails officer={officer} />
              <DecisionPanel officer={officer} />
              {officer.status === 'active' && <OfficeMappingForm officer={officer} />}
              <SignaturePanel officer={officer} />
              {/* Only an approved officer can have registered one. */}
              {(officer.status === 'active' || officer.status === 'deactivated') && <OfficerDscPanel officer={officer} />}
              <OfficerStatusPanel officer={officer} />
              <OfficerHistory userId={officer.id} />
            </div>
          </>
        )}
      </WithOfficer>
    </>
  );
}
