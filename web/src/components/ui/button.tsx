import type { ButtonHTMLAttributes } from 'react';
import { t } from '../../lib/i18n';

type Variant = 'primary' | 'secondary' | 'warning';

/**
 * While busy the button keeps its name, so a user (or test) looking for it still finds it; it only
 * refuses a second press and says "Please wait…" beside it.
 */
export function Button({ variant = 'primary', isBusy = false, type = 'button', className, onClick, children, ...button }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; isBusy?: boolean }) {
  return (
    <>
      <button
        {...button}
        type={type}
        className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
        aria-disabled={isBusy || undefined}
        onClick={(event) => {
          if (isBusy) event.preventDefault();
          else onClick?.(event);
        }}
      >
        {children}
      </button>
      {isBusy && (
        <span className="button__busy" role="status">
          {t('form.submitting')}
        </span>
      )}
    </>
  );
}
