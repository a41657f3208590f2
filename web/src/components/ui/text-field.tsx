import type { InputHTMLAttributes } from 'react';
import { Field, controlAria, type FieldProps } from './field';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'required'>;

export function TextField({ id, label, hint, error, isRequired, value, onChange, ...input }: FieldProps & InputProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired}>
      <input
        {...input}
        id={id}
        name={input.name ?? id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...controlAria({ id, hint, error, isRequired })}
      />
    </Field>
  );
}
