import { useEffect, useRef } from 'react';
import { t } from '../../lib/i18n';

interface ErrorSummaryProps<F extends string> {
  /** Fields in the order they appear on the page. */
  fields: readonly F[];
  /** Each field's label, so an entry names its field: "Full name: Fill in this field." */
  labels: Record<F, string>;
  fieldErrors: Partial<Record<F, string>>;
  formError: string | null;
  /** Failed submits so far; each one moves focus here. */
  attempt: number;
  idOf: (field: F) => string;
}

/**
 * The errors of a failed submit, above the form: it takes focus so the keyboard and screen reader
 * user hears what went wrong, and each entry jumps to its field.
 */
export function ErrorSummary<F extends string>({ fields, labels, fieldErrors, formError, attempt, idOf }: ErrorSummaryProps<F>) {
  const ref = useRef<HTMLDivElement>(null);
  const focusedAttempt = useRef(0);
  const listed = fields.filter((field) => fieldErrors[field]);
  const isShown = attempt > 0 && (formError !== null || listed.length > 0);

  // Once per failed submit, and only once the summary is there: the count and the errors may arrive in separate renders.
  useEffect(() => {
    if (!isShown || attempt <= focusedAttempt.current) return;
    focusedAttempt.current = attempt;
    ref.current?.focus();
  }, [attempt, isShown]);

  if (!isShown) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1}>
      {formError && <p className="error-summary__form">{formError}</p>}
      {listed.length > 0 && (
        <>
          <p className="error-summary__title">{t('form.fixErrors')}</p>
          <ul className="error-summary__list">
            {listed.map((field) => (
              <li key={field}>
                <a
                  href={`#${idOf(field)}`}
                  onClick={(event) => {
                    // Focus the field itself; following the #fragment would also be a navigation for the router.
                    event.preventDefault();
                    document.getElementById(idOf(field))?.focus();
                  }}
                >
                  {t('form.errorFor', { field: labels[field], message: fieldErrors[field] ?? '' })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
