import { useCallback, useRef, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldProblem } from '@ecoo/shared/problem';
import { describeIssues } from '@ecoo/shared/validation/describe-issue';
import { errorsFromFieldProblems, errorsFromProblem } from '../form-errors';
import { currentLocale } from '../i18n';

export interface SchemaFormOptions<S extends z.ZodType, V extends FieldValues> {
  /** Prefix of the controls' ids: field `email` of form `sign-in` is `#sign-in-email`. */
  id: string;
  /** The shared schema that judges the form, the same one the BFF parses the request with. */
  schema: S;
  /** The fields shown now, in page order: the error summary lists them so, and problems for other paths go to its alert. */
  fields: readonly (keyof V & string)[];
  /** Each field's label, so a summary entry names its field. */
  labels: Record<keyof V & string, string>;
  defaultValues: V;
  /** What of the values the schema judges, when it differs from the values (a file beside the fields, lines into a list). */
  toInput?: (values: V) => unknown;
  /** Adds the checks the schema cannot make alone (the email's domain needs the chosen agency) or rewords its problems. */
  refineProblems?: (problems: FieldProblem[], values: V) => FieldProblem[];
  /** Places a problem the BFF sends without a field path (a refused upload) beside a field. */
  fieldOfCode?: (code: string) => (keyof V & string) | undefined;
}

/** A form driven by react-hook-form, judged by a shared zod schema, with the words of the catalogue. */
export type SchemaForm<S extends z.ZodType, V extends FieldValues> = UseFormReturn<V, unknown, V> & {
  id: string;
  fields: readonly (keyof V & string)[];
  labels: Record<keyof V & string, string>;
  /** The form's own alert: a problem that belongs to no field (the BFF's detail, a network failure). */
  formError: string | null;
  /** Failed submits so far (refused here or by the BFF); each one moves focus to the error summary. */
  attempt: number;
  idOf: (field: keyof V & string) => string;
  /** The submit handler: checks everything, then calls `onValid` with the schema's output and the raw values. */
  submitWith: (onValid: (input: z.output<S>, values: V) => void | Promise<void>) => (event?: BaseSyntheticEvent) => Promise<void>;
  /** A failed request onto the form: field errors beside their fields, the rest in the alert. */
  showProblem: (error: unknown) => void;
  /** Forgets every error, as when another action (activation beside a rejection) starts. */
  clearAll: () => void;
  /** A field's value as its schema stores it ("682 025" is 682025), or the value itself when the schema refuses it or keeps it as typed. */
  tidy: (field: keyof V & string, value: unknown) => unknown;
};

/**
 * The schema of one field: the field of an object schema, or of the first object of a union (the
 * register form's roles) that has it. None for a field judged only through `toInput`.
 */
function fieldSchemaOf(schema: z.ZodType, field: string): z.ZodType | undefined {
  const { shape, options } = schema as unknown as { shape?: Record<string, z.ZodType>; options?: readonly z.ZodType[] };
  if (shape) return Object.hasOwn(shape, field) ? shape[field] : undefined;
  for (const option of options ?? []) {
    const found = fieldSchemaOf(option, field);
    if (found) return found;
  }
  return undefined;
}

/**
 * One schema check gives the words for every field: describeIssues turns zod's issues into the
 * catalogue's messages (with their placeholders, such as a custom check's `params`), exactly as the
 * BFF words the same issues. zodResolver would keep only each issue's raw message, a catalogue key
 * without its placeholders, so the resolver is written here on the same contract.
 */
function schemaResolver<V extends FieldValues>(judge: (values: V) => { problems: FieldProblem[]; fields: readonly string[] }): Resolver<V, unknown, V> {
  return (values) => {
    const { problems, fields } = judge(values);
    if (problems.length === 0) return { values, errors: {} };
    const placed = errorsFromFieldProblems(problems, fields);
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(placed.fields)) if (message) errors[field] = { type: 'schema', message };
    if (placed.form) errors.root = { type: 'schema', message: placed.form };
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/**
 * The one way the SPA's forms work, the GOV.UK way: nothing is said while the user types into a
 * fresh field; a field they typed in is checked on leaving it; a field showing an error is checked
 * again at each change, so the message goes as soon as it is right; a failed submit (here or at the
 * BFF) lists every error in the summary and moves focus there. Render the summary with
 * <FormErrorSummary form={form} /> and each control inside <FormField form={form} name=… render=… />.
 */
export function useSchemaForm<S extends z.ZodType, V extends FieldValues>(options: SchemaFormOptions<S, V>): SchemaForm<S, V> {
  // The resolver reads the options of the latest render, so a check that needs loaded data (the agencies) sees it.
  const latest = useRef(options);
  latest.current = options;
  const [summary, setSummary] = useState<{ attempt: number; formError: string | null }>({ attempt: 0, formError: null });

  const judge = useCallback((values: V) => {
    const { schema, toInput, refineProblems, fields } = latest.current;
    const parsed = schema.safeParse(toInput ? toInput(values) : values);
    const problems = parsed.success ? [] : describeIssues(parsed.error.issues, currentLocale());
    return { problems: refineProblems ? refineProblems(problems, values) : problems, fields };
  }, []);
  const [resolver] = useState(() => schemaResolver<V>(judge));

  const form = useForm<V, unknown, V>({
    defaultValues: options.defaultValues as DefaultValues<V>,
    resolver,
    // FormField decides when a field is checked before and after a submit; the library only checks on submit.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    // The error summary takes focus instead, and links to each field.
    shouldFocusError: false,
  });
  const { handleSubmit, setError, clearErrors } = form;

  const fail = useCallback((formError: string | null) => setSummary((previous) => ({ attempt: previous.attempt + 1, formError })), []);

  const submitWith = useCallback(
    (onValid: (input: z.output<S>, values: V) => void | Promise<void>) =>
      handleSubmit(
        (values) => {
          setSummary((previous) => ({ ...previous, formError: null }));
          const { schema, toInput } = latest.current;
          return onValid(schema.parse(toInput ? toInput(values) : values), values);
        },
        (errors) => fail(errors.root?.message ?? null),
      ),
    [handleSubmit, fail],
  );

  const showProblem = useCallback(
    (error: unknown) => {
      const { fields, fieldOfCode } = latest.current;
      const placed = errorsFromProblem(error, fields, fieldOfCode);
      for (const [field, message] of Object.entries(placed.fields)) if (message) setError(field as Path<V>, { type: 'server', message });
      fail(placed.form);
    },
    [setError, fail],
  );

  const clearAll = useCallback(() => {
    clearErrors();
    setSummary((previous) => ({ ...previous, formError: null }));
  }, [clearErrors]);

  const idOf = useCallback((field: keyof V & string) => `${latest.current.id}-${field}`, []);

  const tidy = useCallback((field: keyof V & string, value: unknown) => {
    if (typeof value !== 'string') return value;
    const parsed = fieldSchemaOf(latest.current.schema, field)?.safeParse(value);
    return parsed?.success && typeof parsed.data === 'string' ? parsed.data : value;
  }, []);

  return {
    ...form,
    id: options.id,
    fields: options.fields,
    labels: options.labels,
    formError: summary.formError,
    attempt: summary.attempt,
    idOf,
    submitWith,
    showProblem,
    clearAll,
    tidy,
  };
}
