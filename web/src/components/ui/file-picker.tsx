import { useEffect, useRef } from 'react';
import { formatFileSize, t } from '../../lib/i18n';
import { Field, controlAria, type FieldProps } from './field';

/**
 * The browser's own file input, so keyboard, screen reader and drag-and-drop work as users expect;
 * below it, the chosen file's name and size, read out when it changes. When the form drops the file
 * (`file` back to null: a refused upload), the input lets go of it too, so it cannot be sent again.
 */
export function FilePicker({ id, label, hint, error, isRequired, accept, file, onChange }: FieldProps & { accept: string; file: File | null; onChange: (file: File | null) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (file === null && inputRef.current) inputRef.current.value = '';
  }, [file]);
  return (
    <Field id={id} label={label} hint={hint} error={error} isRequired={isRequired}>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type="file"
        className="field__file"
        accept={accept}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        {...controlAria({ id, hint, error, isRequired }, { extraIds: [`${id}-chosen`] })}
      />
      <p className="field__chosen" id={`${id}-chosen`} aria-live="polite">
        {file ? t('register.letter.chosen', { name: file.name, size: formatFileSize(file.size) }) : null}
      </p>
    </Field>
  );
}
