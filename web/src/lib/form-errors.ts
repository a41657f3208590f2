import type { FieldProblem } from '@ecoo/shared/problem';
import { ApiProblem } from './api-client';
import { fieldProblemText, problemText, t } from './i18n';

type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a form shows after a failed submit: messages beside fields, and the rest in its alert. */
export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string | null;
}

/** Field problems (from describeIssues or the BFF) onto the form's fields; a path no field owns goes to the alert. */
export function errorsFromFieldProblems<F extends string>(problems: readonly FieldProblem[], fields: readonly F[]): FormErrors<F> {
  const errors: FormErrors<F> = { fields: {}, form: null };
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = fields.find((name) => problem.path === name || problem.path.startsWith(`${name}.`));
    const message = fieldProblemText(problem);
    if (!field) unplaced.push(message);
    else if (!errors.fields[field]) errors.fields[field] = message;
    else if (!errors.fields[field].includes(message)) errors.fields[field] = `${errors.fields[field]} ${message}`;
  }
  if (unplaced.length > 0) errors.form = unplaced.join(' ');
  return errors;
}

/**
 * A failed request as form errors: the problem's field errors beside their fields, its detail in
 * the alert. `fieldOfCode` places problems the BFF sends without a field path (a refused upload).
 */
export function errorsFromProblem<F extends string>(error: unknown, fields: readonly F[], fieldOfCode: (code: string) => F | undefined = () => undefined): FormErrors<F> {
  if (!(error instanceof ApiProblem)) return { fields: {}, form: problemMessage(error) };
  const { problem } = error;
  if (problem.errors?.length) {
    const placed = errorsFromFieldProblems(problem.errors, fields);
    return { fields: placed.fields, form: placed.form ?? (Object.keys(placed.fields).length === 0 ? problemText(problem) : null) };
  }
  const field = fieldOfCode(problem.code);
  return field ? { fields: { [field]: problemText(problem) } as FieldErrors<F>, form: null } : { fields: {}, form: problemText(problem) };
}

/** Words for any failure, in the reader's language: the BFF's problem, never raw JSON or a stack trace. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return problemText(error.problem);
  return t('app.error.bodyNoReference');
}
