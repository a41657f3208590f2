import type { DscOverview } from '@ecoo/shared/dsc/schemas';
import { t } from '../../../lib/i18n';
import { DscDetails } from './dsc-details';
import { DscExpiryWarning } from './dsc-expiry-warning';
import { DscHistory } from './dsc-history';

/**
 * An officer's active DSC (with its expiry warning) and the ones it replaced, inside the caller's
 * section: the officer's page and User Management show the same facts, each under its own heading.
 * With no DSC ever registered there is nothing replaced to speak of, so the history is left out.
 */
export function DscOverviewDetails({ overview, noneText }: { overview: DscOverview; noneText: string }) {
  return (
    <>
      {overview.active ? (
        <>
          <DscExpiryWarning record={overview.active} />
          <DscDetails record={overview.active} />
        </>
      ) : (
        <p>{noneText}</p>
      )}
      {(overview.active || overview.history.length > 0) && (
        <>
          <h3 className="dsc-history__heading">{t('dsc.history')}</h3>
          <DscHistory history={overview.history} />
        </>
      )}
    </>
  );
}
