import { controlAria, FieldNotes, RequiredMark, type FieldProps } from './field';
import type { SelectOption } from './select-field';

/**
 * A few choices as native radio buttons in a fieldset, whose legend names the group. The first
 * radio carries `id`, so the error summary's link lands on the group.
 */
export function RadioGroupField({
  id,
  label,
  hint,
  error,
  isRequired,
  value,
  onChange,
  onBlur,
  options,
}: FieldProps & { value: string; onChange: (value: string) => void; onBlur?: () => void; options: readonly SelectOption[] }) {
  return (
    <fieldset className={error ? 'fieldset field field--error' : 'fieldset field'} role="radiogroup" {...controlAria({ id, hint, error, isRequired })}>
      <legend className="field__label">
        {label}
        <RequiredMark isRequired={isRequired} />
      </legend>
      <FieldNotes id={id} hint={hint} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div key={option.value} className="field--checkbox">
            <input
              id={optionId}
              name={id}
              type="radio"
              className="field__checkbox"
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              onBlur={onBlur}
            />
            <label className="field__label" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
