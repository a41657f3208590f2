import { useEffect, useRef, useState, type FormEvent } from 'react';
import { AgencyInputSchema, type Agency } from '@ecoo/shared/agencies/schemas';
import type { FieldProblem } from '@ecoo/shared/problem';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';
import { errorsFromFieldProblems, errorsFromProblem, useFormErrors } from '../../../lib/form-errors';
import { t } from '../../../lib/i18n';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { TextField } from '../../../components/ui/text-field';
import { useCreateAgency } from '../api/create-agency';
import { useUpdateAgency } from '../api/update-agency';

const fields = ['code', 'name', 'certifies', 'emailDomains'] as const;

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
    return line === undefined ? problem : { ...problem, message: t('agencies.domainLine', { line, message: problem.message }) };
  });
}

export function AgencyForm({ agency, onSaved, onCancel }: { agency: Agency | null; onSaved: (agency: Agency) => void; onCancel: () => void }) {
  const [values, setValues] = useState({
    code: agency?.code ?? '',
    name: agency?.name ?? '',
    certifies: agency?.certifies ?? '',
    emailDomains: agency?.emailDomains.join('\n') ?? '',
  });
  const errors = useFormErrors<(typeof fields)[number]>('agency');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const creation = useCreateAgency();
  const update = useUpdateAgency();
  const isBusy = creation.isPending || update.isPending;
  const labels = { code: t('agencies.field.code'), name: t('agencies.field.name'), certifies: t('agencies.field.certifies'), emailDomains: t('agencies.field.domains') };

  useEffect(() => headingRef.current?.focus(), []);

  const change = (field: (typeof fields)[number]) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { domains, lines } = domainsOf(values.emailDomains);
    const input = { code: values.code.trim(), name: values.name, certifies: values.certifies, emailDomains: domains };
    const parsed = AgencyInputSchema.safeParse(input);
    if (!parsed.success) return errors.show(errorsFromFieldProblems(withLines(describeIssues(parsed.error.issues), lines), fields));
    errors.clear();
    const options = {
      onSuccess: onSaved,
      onError: (error: unknown) => errors.show(errorsFromProblem(error, fields, (code) => (code === 'problem.agencyCodeTaken' ? 'code' : undefined))),
    };
    if (agency) update.mutate({ agencyId: agency.id, input: parsed.data }, options);
    else creation.mutate(parsed.data, options);
  }

  return (
    <section className="section panel" aria-labelledby="agency-form-heading">
      <h2 id="agency-form-heading" ref={headingRef} tabIndex={-1}>
        {agency ? t('agencies.edit', { name: agency.name }) : t('agencies.add')}
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        <ErrorSummary fields={fields} labels={labels} fieldErrors={errors.fieldErrors} formError={errors.formError} attempt={errors.attempt} idOf={errors.idOf} />
        <TextField id={errors.idOf('code')} label={labels.code} spellCheck={false} isRequired value={values.code} onChange={change('code')} error={errors.fieldErrors.code} />
        <TextField id={errors.idOf('name')} label={labels.name} isRequired value={values.name} onChange={change('name')} error={errors.fieldErrors.name} />
        <TextField
          id={errors.idOf('certifies')}
          label={labels.certifies}
          isRequired
          value={values.certifies}
          onChange={change('certifies')}
          error={errors.fieldErrors.certifies}
        />
        <TextAreaField
          id={errors.idOf('emailDomains')}
          label={labels.emailDomains}
          spellCheck={false}
          isRequired
          value={values.emailDomains}
          onChange={change('emailDomains')}
          error={errors.fieldErrors.emailDomains}
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
