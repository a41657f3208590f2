import type { SelectHTMLAttributes } from 'react';
import { Field, controlAria, type FieldProps } from './field';

export interface SelectOption {
  value: string;
  label: string;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'required'>;

/** A native select: keyboard and screen readers already know it. `placeholder` is the empty first choice. */
export function SelectField({
  id,
  label,
  hint,
  error,
  isRequired,
  value,
  onChange,
  options,
  placeholder,
  ...select
}: FieldProps & SelectProps & { value: string; onChange: (value: string) => void; options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired}>
      <select
        {...select}
        id={id}
        name={select.name ?? id}
        className="field__input field__select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...controlAria({ id, hint, error, isRequired })}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
