import { useState, type FormEvent } from 'react';
import type { OfficerOffice } from '@ecoo/shared/officers/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { OfficerFilter } from '../api/officer-keys';

/**
 * Office and search in one small form. Nothing happens until "Show officers", so choosing in the
 * select never reloads the table under the keyboard user (WCAG 3.2.2); the page puts the result in
 * the address, so Back returns to the previous search.
 */
export function OfficerListFilter({ filter, offices, onApply }: { filter: OfficerFilter; offices: readonly OfficerOffice[]; onApply: (filter: OfficerFilter) => void }) {
  const [officeId, setOfficeId] = useState(filter.officeId ?? '');
  const [q, setQ] = useState(filter.q ?? '');

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...filter, officeId: officeId || undefined, q: q.trim() || undefined, page: 1 });
  }

  const options = offices.map((office) => ({ value: office.id, label: office.isActive ? office.name : t('officers.offices.inactive', { name: office.name }) }));
  return (
    <form className="filter" role="search" aria-label={t('officers.filter.title')} onSubmit={submit}>
      <TextField id="officers-search" type="search" label={t('officers.filter.search')} maxLength={100} value={q} onChange={setQ} />
      <SelectField id="officers-office" label={t('officers.filter.office')} placeholder={t('officers.filter.allOffices')} options={options} value={officeId} onChange={setOfficeId} />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('officers.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
