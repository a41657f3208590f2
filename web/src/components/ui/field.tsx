import type { ReactNode } from 'react';
import { t } from '../../lib/i18n';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
}

/**
 * The ARIA a control needs beside a Field: invalid and required states, and its hint, error and any
 * further notes (`extraIds`) as its description. `isInvalid` covers problems found outside `error`.
 */
export function controlAria(
  { id, hint, error, isRequired }: Pick<FieldProps, 'id' | 'hint' | 'error' | 'isRequired'>,
  { extraIds = [], isInvalid = false }: { extraIds?: Array<string | undefined | false>; isInvalid?: boolean } = {},
) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`, ...extraIds].filter(Boolean);
  return {
    'aria-invalid': error || isInvalid ? true : undefined,
    'aria-required': isRequired || undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  } as const;
}

/** The "(required)" after a label: seen, not spoken, since the control's aria-required says it and the name stays the label's words. */
export function RequiredMark({ isRequired }: Pick<FieldProps, 'isRequired'>) {
  if (!isRequired) return null;
  return (
    <span className="field__required" aria-hidden="true">
      {' '}
      {t('form.required')}
    </span>
  );
}

/** Hint and error under a label, with the ids that controlAria points the control to. */
export function FieldNotes({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  );
}

/** Label, hint and error around one control, in the order a screen reader meets them. */
export function Field({ id, label, hint, error, isRequired, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        <RequiredMark isRequired={isRequired} />
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
