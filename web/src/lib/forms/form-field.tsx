import { useRef, type ReactNode } from 'react';
import { useController, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { SchemaForm } from './use-schema-form';

/** What a control needs from its form: the props of TextField, SelectField, TextAreaField and the like. */
export interface BoundField<T> {
  id: string;
  value: T;
  onChange: (value: T) => void;
  onBlur: () => void;
  error: string | undefined;
}

/**
 * One field of a useSchemaForm form. It owns when the field is checked: on leaving it, if the user
 * changed it (tabbing through is not a mistake), and at each change while it shows an error, so the
 * message goes as soon as the value is right. `checkOnChange` is for controls with no typing, such
 * as a file picker, whose choice is judged at once.
 */
export function FormField<S extends z.ZodType, V extends FieldValues, N extends keyof V & Path<V>>({
  form,
  name,
  checkOnChange = false,
  render,
}: {
  form: SchemaForm<S, V>;
  name: N;
  checkOnChange?: boolean;
  render: (field: BoundField<V[N]>) => ReactNode;
}) {
  const { field, fieldState } = useController({ control: form.control, name });
  const isChanged = useRef(false);
  const check = () => void form.trigger(name);

  return render({
    id: form.idOf(name),
    value: field.value as V[N],
    onChange: (value) => {
      field.onChange(value);
      isChanged.current = true;
      if (checkOnChange || fieldState.error) check();
    },
    onBlur: () => {
      field.onBlur();
      if (isChanged.current) check();
    },
    error: fieldState.error?.message,
  });
}
