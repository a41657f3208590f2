import type { TextareaHTMLAttributes } from 'react';
import { Field, controlAria, type FieldProps } from './field';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'onChange' | 'required'>;

export function TextAreaField({ id, label, hint, error, isRequired, value, onChange, ...textarea }: FieldProps & TextAreaProps & { value: string; onChange: (value: string) => void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired}>
      <textarea
        rows={4}
        {...textarea}
        id={id}
        name={textarea.name ?? id}
        className="field__input field__textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...controlAria({ id, hint, error, isRequired })}
      />
    </Field>
  );
}
