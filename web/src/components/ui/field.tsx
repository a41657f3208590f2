import type { ReactNode } from 'react';
import { t } from '../../lib/i18n';

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  isRequired?: boolean;
}

/** The ARIA a control needs to carry its hint and error, for the control beside a Field. */
export function describedBy({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>, extra?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`, extra].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Label, hint and error around one control, in the order a screen reader meets them. */
export function Field({ id, label, hint, error, isRequired, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {/* Seen, not spoken: the control's aria-required already says it, so the name stays the label's words. */}
        {isRequired && (
          <span className="field__required" aria-hidden="true">
            {' '}
            {t('form.required')}
          </span>
        )}
      </label>
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
      {children}
    </div>
  );
}
