import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { FieldProblem } from '@ecoo/shared/problem';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';
import { ApiProblem } from './api-client';
import { t } from './i18n';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** What a form shows after a failed submit: messages beside fields, and the rest in its alert. */
export interface FormErrors<F extends string> {
  fields: FieldErrors<F>;
  form: string | null;
}

const noErrors = { fields: {}, form: null };

/** Field problems (from describeIssues or the BFF) onto the form's fields; a path no field owns goes to the alert. */
export function errorsFromFieldProblems<F extends string>(problems: readonly FieldProblem[], fields: readonly F[]): FormErrors<F> {
  const errors: FormErrors<F> = { fields: {}, form: null };
  const unplaced: string[] = [];
  for (const problem of problems) {
    const field = fields.find((name) => problem.path === name || problem.path.startsWith(`${name}.`));
    if (!field) unplaced.push(problem.message);
    else if (!errors.fields[field]) errors.fields[field] = problem.message;
    else if (!errors.fields[field].includes(problem.message)) errors.fields[field] = `${errors.fields[field]} ${problem.message}`;
  }
  if (unplaced.length > 0) errors.form = unplaced.join(' ');
  return errors;
}

export function errorsFromIssues<F extends string>(issues: readonly z.core.$ZodIssue[], fields: readonly F[]): FormErrors<F> {
  return errorsFromFieldProblems(describeIssues(issues), fields);
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
    return { fields: placed.fields, form: placed.form ?? (Object.keys(placed.fields).length === 0 ? problem.detail : null) };
  }
  const field = fieldOfCode(problem.code);
  return field ? { fields: { [field]: problem.detail } as FieldErrors<F>, form: null } : { fields: {}, form: problem.detail };
}

/** Words for any failure: the BFF's detail, never raw JSON or a stack trace. */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.problem.detail;
  return t('app.error.bodyNoReference');
}

/**
 * The error state of one hand-written form. `attempt` counts failed submits, so the error summary
 * takes focus after each one; field errors set on blur leave it alone. New forms use
 * useSchemaForm (lib/forms/use-schema-form.ts) instead, which holds this behaviour once; this stays
 * until the officers' and administrators' forms move to it.
 */
export function useFormErrors<F extends string>(formId: string) {
  const [state, setState] = useState<FormErrors<F> & { attempt: number }>({ ...noErrors, attempt: 0 });

  const show = useCallback((errors: FormErrors<F>) => setState((previous) => ({ ...errors, attempt: previous.attempt + 1 })), []);
  const setFieldError = useCallback(
    (field: F, message: string | undefined) => setState((previous) => ({ ...previous, fields: { ...previous.fields, [field]: message } })),
    [],
  );
  const clear = useCallback(() => setState((previous) => ({ ...noErrors, attempt: previous.attempt })), []);
  const idOf = useCallback((field: F) => `${formId}-${field}`, [formId]);
  const hasErrors = state.form !== null || Object.values(state.fields).some(Boolean);

  return useMemo(
    () => ({ fieldErrors: state.fields, formError: state.form, attempt: state.attempt, hasErrors, show, setFieldError, clear, idOf }),
    [state, hasErrors, show, setFieldError, clear, idOf],
  );
}
