import { useState, type FormEvent } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { administratorStatuses, type AdministratorStatus } from '@ecoo/shared/administrators/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { AdministratorFilter } from '../api/administrator-keys';

/** Agency, status and search; nothing happens until "Show administrators" (WCAG 3.2.2), and the page puts the choice in the address. */
export function AdministratorsFilter({ filter, agencies, onApply }: { filter: AdministratorFilter; agencies: readonly Agency[]; onApply: (filter: AdministratorFilter) => void }) {
  const [agencyId, setAgencyId] = useState(filter.agencyId ?? '');
  const [status, setStatus] = useState<string>(filter.status ?? '');
  const [q, setQ] = useState(filter.q ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...filter, agencyId: agencyId || undefined, status: (status || undefined) as AdministratorStatus | undefined, q: q.trim() || undefined, page: 1 });
  }

  return (
    <form className="filter" role="search" aria-label={t('administrators.filter.title')} onSubmit={submit}>
      <TextField id="administrators-search" type="search" label={t('administrators.filter.search')} maxLength={100} value={q} onChange={setQ} />
      <SelectField
        id="administrators-agency"
        label={t('administrators.filter.agency')}
        placeholder={t('administrators.filter.allAgencies')}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        value={agencyId}
        onChange={setAgencyId}
      />
      <SelectField
        id="administrators-status"
        label={t('administrators.filter.status')}
        placeholder={t('administrators.status.all')}
        options={administratorStatuses.map((value) => ({ value, label: t(`administrators.status.${value}`) }))}
        value={status}
        onChange={setStatus}
      />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('administrators.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
