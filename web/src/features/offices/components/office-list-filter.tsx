import { useState, type FormEvent } from 'react';
import { officeSortKeys } from '@ecoo/shared/offices/schemas';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import type { OfficeFilter } from '../api/office-keys';

const sortOptions = () => officeSortKeys.map((key) => ({ value: key, label: t(`offices.sort.${key}`) }));
const directionOptions = () => (['asc', 'desc'] as const).map((direction) => ({ value: direction, label: t(`offices.direction.${direction}`) }));
const statusOptions = () => (['active', 'inactive', 'all'] as const).map((status) => ({ value: status, label: t(`offices.status.${status}`) }));

/**
 * Search, sort and status in one small form. Nothing happens until "Show offices", so choosing in
 * a select never reloads the table under the keyboard user (WCAG 3.2.2); the page puts the result
 * in the address, so Back returns to the previous search.
 */
export function OfficeListFilter({ filter, onApply }: { filter: OfficeFilter; onApply: (filter: OfficeFilter) => void }) {
  const [draft, setDraft] = useState(filter);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Another search or order starts again at its first page.
    onApply({ ...draft, search: draft.search.trim(), page: 1 });
  }

  return (
    <form className="filter" role="search" aria-label={t('offices.filter.title')} onSubmit={submit}>
        <TextField
          id="offices-search"
          type="search"
          label={t('offices.filter.search')}
          maxLength={100}
          value={draft.search}
          onChange={(search) => setDraft((previous) => ({ ...previous, search }))}
        />
        <SelectField
          id="offices-sort"
          label={t('offices.filter.sort')}
          options={sortOptions()}
          value={draft.sort}
          onChange={(sort) => setDraft((previous) => ({ ...previous, sort: sort as OfficeFilter['sort'] }))}
        />
        <SelectField
          id="offices-direction"
          label={t('offices.filter.direction')}
          options={directionOptions()}
          value={draft.direction}
          onChange={(direction) => setDraft((previous) => ({ ...previous, direction: direction as OfficeFilter['direction'] }))}
        />
        <SelectField
          id="offices-status"
          label={t('offices.filter.status')}
          options={statusOptions()}
          value={draft.status}
          onChange={(status) => setDraft((previous) => ({ ...previous, status: status as OfficeFilter['status'] }))}
        />
        <div className="filter__actions">
          <Button type="submit" variant="secondary">
            {t('offices.filter.apply')}
          </Button>
        </div>
    </form>
  );
}
