import { Fragment, useEffect, useRef, useState, useId } from 'react';
import type { Administrator } from '@ecoo/shared/administrators/schemas';
import { problemMessage } from '../../../lib/form-errors';
import { formatInstant, t } from '../../../lib/i18n';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDeactivateAdministrator } from '../api/deactivate-administrator';
import { useReactivateAdministrator } from '../api/reactivate-administrator';
import { AdministratorRevocations } from './administrator-revocations';
import { DeactivationForm } from '../../../modules/accounts/components/deactivation-form';
import { TableWrap } from '../../../components/ui/table-wrap';

const columns = 7;
const buttonIdOf = (administratorId: string) => `administrator-deactivate-${administratorId}`;

export type AdministratorChange = { kind: 'deactivated' | 'reactivated'; name: string };

/**
 * One row per administrator. Deactivating opens its form in a row just below (a disclosure: the
 * button says whether it is open), focus moves into it, and Cancel brings focus back to the button.
 */
export function AdministratorsTable({ administrators, onChanged }: { administrators: readonly Administrator[]; onChanged: (change: AdministratorChange) => void }) {
  const captionId = useId();
  const [openId, setOpenId] = useState<string | null>(null);
  const reactivation = useReactivateAdministrator();

  function close(administratorId: string) {
    setOpenId(null);
    document.getElementById(buttonIdOf(administratorId))?.focus();
  }

  if (administrators.length === 0) return <p className="empty">{t('administrators.empty')}</p>;
  return (
    <TableWrap captionId={captionId}>
      {reactivation.isError && <Alert tone="error">{problemMessage(reactivation.error)}</Alert>}
      <table className="table">
        <caption id={captionId} className="table__caption">{t('administrators.caption', { count: administrators.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('administrators.column.name')}</th>
            <th scope="col">{t('administrators.column.email')}</th>
            <th scope="col">{t('administrators.column.agency')}</th>
            <th scope="col">{t('administrators.column.status')}</th>
            <th scope="col">{t('administrators.column.createdAt')}</th>
            <th scope="col">{t('administrators.column.revocations')}</th>
            <th scope="col">{t('administrators.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {administrators.map((administrator) => {
            const formRowId = `administrator-deactivation-${administrator.id}`;
            const isOpen = openId === administrator.id;
            return (
              <Fragment key={administrator.id}>
                <tr>
                  <th scope="row">{administrator.name}</th>
                  <td className="table__email">{administrator.email}</td>
                  <td>{administrator.agency.name}</td>
                  <td>
                    <span className={administrator.status === 'active' ? 'badge badge--good' : 'badge badge--missing'}>{t(`administrators.status.${administrator.status}`)}</span>
                  </td>
                  <td className="table__nowrap">
                    <time dateTime={administrator.createdAt}>{formatInstant(administrator.createdAt)}</time>
                  </td>
                  <td>
                    <AdministratorRevocations revocations={administrator.revocations} />
                  </td>
                  <td>
                    {administrator.isLastActive ? (
                      // Said before anyone fills the form: the BFF would refuse it (409) anyway.
                      <p className="field__hint">{t('administrators.lastActive', { agency: administrator.agency.name })}</p>
                    ) : administrator.status === 'active' ? (
                      <Button
                        id={buttonIdOf(administrator.id)}
                        variant="warning"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? formRowId : undefined}
                        onClick={() => (isOpen ? close(administrator.id) : setOpenId(administrator.id))}
                      >
                        {t('administrators.deactivate', { name: administrator.name })}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        isBusy={reactivation.isPending && reactivation.variables === administrator.id}
                        onClick={() =>
                          reactivation.mutate(administrator.id, { onSuccess: () => onChanged({ kind: 'reactivated', name: administrator.name }) })
                        }
                      >
                        {t('administrators.reactivate', { name: administrator.name })}
                      </Button>
                    )}
                  </td>
                </tr>
                {isOpen && (
                  <tr id={formRowId}>
                    <td colSpan={columns}>
                      <DeactivationPanel
                        administrator={administrator}
                        onCancel={() => close(administrator.id)}
                        onDone={() => {
                          setOpenId(null);
                          onChanged({ kind: 'deactivated', name: administrator.name });
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

function DeactivationPanel({ administrator, onCancel, onDone }: { administrator: Administrator; onCancel: () => void; onDone: () => void }) {
  const deactivation = useDeactivateAdministrator();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  return (
    <section className="panel" aria-labelledby={`${administrator.id}-deactivation-title`}>
      <h2 id={`${administrator.id}-deactivation-title`} ref={titleRef} tabIndex={-1}>
        {t('administrators.deactivate.title', { name: administrator.name, agency: administrator.agency.name })}
      </h2>
      <p>{t('administrators.deactivate.intro')}</p>
      <DeactivationForm
        formId={`administrator-${administrator.id}`}
        personName={administrator.name}
        submitLabel={t('administrators.deactivate.submit')}
        isBusy={deactivation.isPending}
        onCancel={onCancel}
        onSubmit={(input, onError) => deactivation.mutate({ userId: administrator.id, input }, { onSuccess: onDone, onError })}
      />
    </section>
  );
}
