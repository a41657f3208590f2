import { useState, type FormEvent } from 'react';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import { AuditFilterSchema, auditActions, type AuditFilter } from '@ecoo/shared/audit/schemas';
import { auditActionKey } from '@ecoo/shared/audit/wording';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';

type Texts = Record<'agencyId' | 'actor' | 'action' | 'office' | 'officer' | 'from' | 'to', string>;
const textFields = [
  { key: 'actor', label: 'audit.filter.actor', type: 'search' },
  { key: 'office', label: 'audit.filter.office', type: 'search' },
  { key: 'officer', label: 'audit.filter.officer', type: 'search' },
  { key: 'from', label: 'audit.filter.from', type: 'date' },
  { key: 'to', label: 'audit.filter.to', type: 'date' },
] as const;

/**
 * Agency (the reviewer's only: `agencies` given), action, actor, office, officer and dates; nothing
 * happens until "Show entries" (WCAG 3.2.2), and the page puts the choice in the address.
 */
export function AuditFilterForm({ filter, agencies, onApply }: { filter: AuditFilter; agencies?: readonly Agency[]; onApply: (filter: AuditFilter) => void }) {
  const [texts, setTexts] = useState<Texts>({
    agencyId: filter.agencyId ?? '',
    actor: filter.actor ?? '',
    action: filter.action ?? '',
    office: filter.office ?? '',
    officer: filter.officer ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
  });
  const set = (key: keyof Texts) => (value: string) => setTexts((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = Object.fromEntries(Object.entries(texts).filter(([, value]) => value.trim() !== ''));
    // A date the browser let through half-typed is dropped rather than sent to be refused.
    const parsed = AuditFilterSchema.safeParse(chosen);
    onApply(parsed.success ? parsed.data : {});
  }

  return (
    <form className="filter" role="search" aria-label={t('audit.filter.title')} onSubmit={submit}>
      {agencies && (
        <SelectField
          id="audit-agency"
          label={t('audit.filter.agency')}
          placeholder={t('audit.filter.allAgencies')}
          options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          value={texts.agencyId}
          onChange={set('agencyId')}
        />
      )}
      <SelectField
        id="audit-action"
        label={t('audit.filter.action')}
        placeholder={t('audit.filter.anyAction')}
        options={auditActions.map((action) => ({ value: action, label: t(auditActionKey(action)) }))}
        value={texts.action}
        onChange={set('action')}
      />
      {textFields.map((field) => (
        <TextField key={field.key} id={`audit-${field.key}`} type={field.type} label={t(field.label)} value={texts[field.key]} onChange={set(field.key)} />
      ))}
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('audit.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
