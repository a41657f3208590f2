import { useState, type FormEvent } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { ReadinessGapFilterSchema, readinessGaps, type ReadinessFilter } from '@ecoo/shared/readiness/schemas';
import { gapMessageKeys } from '@ecoo/shared/readiness/wording';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';

const gapOptions = () => [
  { value: 'any', label: t('readiness.filter.gap.any') },
  { value: 'none', label: t('readiness.filter.gap.none') },
  ...readinessGaps.map((gap) => ({ value: gap, label: t(gapMessageKeys[gap]) })),
];

/** Agency and gap; nothing happens until "Show offices" (WCAG 3.2.2), and the page puts the choice in the address. */
export function ReadinessFilterForm({ filter, agencies, onApply }: { filter: ReadinessFilter; agencies: readonly Agency[]; onApply: (filter: ReadinessFilter) => void }) {
  const [agencyId, setAgencyId] = useState(filter.agencyId ?? '');
  const [gap, setGap] = useState<string>(filter.gap === 'all' ? '' : filter.gap);

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ agencyId: agencyId || undefined, gap: ReadinessGapFilterSchema.catch('all').parse(gap || 'all') });
  }

  return (
    <form className="filter" role="search" aria-label={t('readiness.filter.title')} onSubmit={submit}>
      <SelectField
        id="readiness-agency"
        label={t('readiness.filter.agency')}
        placeholder={t('readiness.filter.allAgencies')}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        value={agencyId}
        onChange={setAgencyId}
      />
      <SelectField id="readiness-gap" label={t('readiness.filter.gap')} placeholder={t('readiness.filter.gap.all')} options={gapOptions()} value={gap} onChange={setGap} />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('readiness.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
