import { useEffect, useRef } from 'react';
import { AgencyInputSchema, type Agency } from '@ecoo/shared/agencies/schemas';
import type { FieldProblem } from '@ecoo/shared/problem';
import { FormErrorSummary } from '../../../lib/forms/form-error-summary';
import { FormField } from '../../../lib/forms/form-field';
import { useSchemaForm } from '../../../lib/forms/use-schema-form';
import { fieldProblemText, t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { useCreateAgency } from '../api/create-agency';
import { useUpdateAgency } from '../api/update-agency';

/** One domain per line; blank lines are skipped, and each domain remembers its line for the error message. */
function domainsOf(text: string): { domains: string[]; lines: number[] } {
  const domains: string[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    domains.push(line.trim());
    lines.push(index + 1);
  });
  return { domains, lines };
}

/** "emailDomains.2" says which domain is wrong; the reviewer needs the line of the box. */
function withLines(problems: readonly FieldProblem[], lines: readonly number[]): FieldProblem[] {
  return problems.map((problem) => {
    const index = /^emailDomains\.(\d+)$/.exec(problem.path)?.[1];
    const line = index === undefined ? undefined : lines[Number(index)];
    if (line === undefined) return problem;
    const params = { line, message: fieldProblemText(problem) };
    return { ...problem, code: 'agencies.domainLine', params, message: t('agencies.domainLine', params) };
  });
}

export function AgencyForm({ agency, onSaved, onCancel }: { agency: Agency | null; onSaved: (agency: Agency) => void; onCancel: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const creation = useCreateAgency();
  const update = useUpdateAgency();
  const isBusy = creation.isPending || update.isPending;
  const form = useSchemaForm({
    id: 'agency',
    schema: AgencyInputSchema,
    fields: ['code', 'name', 'certifies', 'emailDomains'],
    labels: { code: t('agencies.field.code'), name: t('agencies.field.name'), certifies: t('agencies.field.certifies'), emailDomains: t('agencies.field.domains') },
    defaultValues: {
      code: agency?.code ?? '',
      name: agency?.name ?? '',
      certifies: agency?.certifies ?? '',
      emailDomains: agency?.emailDomains.join('\n') ?? '',
    },
    toInput: (values) => ({ code: values.code.trim(), name: values.name, certifies: values.certifies, emailDomains: domainsOf(values.emailDomains).domains }),
    refineProblems: (problems, values) => withLines(problems, domainsOf(values.emailDomains).lines),
    fieldOfCode: (code) => (code === 'problem.agencyCodeTaken' ? 'code' : undefined),
  });

  useEffect(() => headingRef.current?.focus(), []);

  const submit = form.submitWith((input) => {
    const options = { onSuccess: onSaved, onError: form.showProblem };
    if (agency) update.mutate({ agencyId: agency.id, input }, options);
    else creation.mutate(input, options);
  });

  return (
    <section className="section panel" aria-labelledby="agency-form-heading">
      <h2 id="agency-form-heading" ref={headingRef} tabIndex={-1}>
        {agency ? t('agencies.edit', { name: agency.name }) : t('agencies.add')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary form={form} />
        <FormField form={form} name="code" render={(field) => <TextField {...field} label={form.labels.code} spellCheck={false} isRequired />} />
        <FormField form={form} name="name" render={(field) => <TextField {...field} label={form.labels.name} isRequired />} />
        <FormField form={form} name="certifies" render={(field) => <TextField {...field} label={form.labels.certifies} isRequired />} />
        <FormField
          form={form}
          name="emailDomains"
          render={(field) => <TextAreaField {...field} label={form.labels.emailDomains} spellCheck={false} isRequired />}
        />
        <div className="form__actions">
          <Button type="submit" isBusy={isBusy}>
            {t('agencies.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('agencies.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
