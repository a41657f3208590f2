import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '../../../config/paths';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { PageHeading } from '../../../components/ui/page-heading';
import { EWalletPanel } from '../components/e-wallet-panel';
import { OfficeDetails, PaymentParams } from '../components/office-details';
import { OfficeHistory } from '../components/office-history';
import { OfficeStatusPanel } from '../components/office-status-panel';
import { StampPanel } from '../components/stamp-panel';
import { BackToOffices } from './back-to-offices';
import { WithOffice } from './office-loader';

/** The form navigates here with { isSaved: true } after a save. */
function SavedNotice() {
  const location = useLocation();
  const isSaved = (location.state as { isSaved?: boolean } | null)?.isSaved === true;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (isSaved) ref.current?.focus();
  }, [isSaved]);
  return isSaved ? (
    <Alert ref={ref} tone="success">
      {t('offices.saved')}
    </Alert>
  ) : null;
}

export function OfficePage() {
  return (
    <>
      <BackToOffices />
      <WithOffice>
        {(office) => (
          <>
            <PageHeading help="administrator#offices">{office.name}</PageHeading>
            <SavedNotice />
            <p>
              <Link className="button button--secondary" to={paths.dashboard.editOffice.getHref(office.id)}>
                {t('offices.edit.link')}
              </Link>
            </p>
            <div className="office">
              <OfficeDetails office={office} />
              <PaymentParams office={office} />
              <StampPanel office={office} />
              <EWalletPanel office={office} />
              <OfficeStatusPanel office={office} />
              <OfficeHistory officeId={office.id} />
            </div>
          </>
        )}
      </WithOffice>
    </>
  );
}
