import { isMessageKey } from '@ecoo/shared/i18n/translate';
import { problemMessage } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Loading } from '../../../components/ui/loading';
import { catalogueWords, HistoryTable, historyRowCount, type HistoryEntry, type HistoryValueName } from '../../../modules/history/components/history-table';
import { useOfficerHistory } from '../api/get-officer-history';

/** The DSC's own action (dsc.registered) has its words among the DSC's, as officers.dsc.registered. */
const actionName = catalogueWords('officers.action.', 'officers.');
const fieldName = catalogueWords('officers.historyField.');

/** A status is shown in the words of the status badge. */
const valueName: HistoryValueName = (field, value) => {
  if (field !== 'status' || typeof value !== 'string') return undefined;
  const key = `officers.status.${value}`;
  return isMessageKey(key) ? t(key) : undefined;
};

/** The BFF records no actor for the steps officers take themselves, before they have an account to sign in with. */
function actorName({ action }: HistoryEntry): string | undefined {
  if (action === 'officer.requested' || action === 'officer.requested-again') return t('officers.history.actor.registerForm');
  if (action === 'officer.email-confirmed') return t('officers.history.actor.mailedLink');
  if (action === 'password.set') return t('officers.history.actor.officer');
  return undefined;
}

export function OfficerHistory({ userId }: { userId: string }) {
  const history = useOfficerHistory(userId);
  return (
    <section className="section" aria-labelledby="officer-history">
      <h2 id="officer-history">{t('officers.history')}</h2>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <Alert tone="error">{problemMessage(history.error)}</Alert>
      ) : (
        <HistoryTable
          entries={history.data.entries}
          caption={t('officers.history.caption', { changes: history.data.entries.length, rows: historyRowCount(history.data.entries) })}
          actionName={actionName}
          fieldName={fieldName}
          valueName={valueName}
          actorName={actorName}
        />
      )}
    </section>
  );
}
