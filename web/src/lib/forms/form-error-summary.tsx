import { useFormState, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorSummary } from '../../components/ui/error-summary';
import type { SchemaForm } from './use-schema-form';

/** The error summary of a useSchemaForm form: shown after a failed submit, and focused at each one. */
export function FormErrorSummary<S extends z.ZodType, V extends FieldValues>({ form }: { form: SchemaForm<S, V> }) {
  const { errors } = useFormState({ control: form.control });
  const fieldErrors: Partial<Record<keyof V & string, string>> = {};
  for (const field of form.fields) {
    const message = errors[field]?.message;
    if (typeof message === 'string') fieldErrors[field] = message;
  }
  return <ErrorSummary fields={form.fields} labels={form.labels} fieldErrors={fieldErrors} formError={form.formError} attempt={form.attempt} idOf={form.idOf} />;
}
