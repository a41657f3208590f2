import { useEffect, useRef } from 'react';
import { locales } from '@ecoo/shared/i18n/translate';
import { t, useLocale, type Locale } from '../../lib/i18n';
import { useChooseLanguage } from '../../lib/language';

// The pages are drawn anew in the other language; this brings the keyboard back to where it was.
let focusAfterSwitch: Locale | null = null;

/** English / हिन्दी in the header (GIGW): each name in its own language and script, marked with its lang. */
export function LanguageSwitch() {
  const locale = useLocale();
  const choose = useChooseLanguage();
  const chosenRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAfterSwitch !== locale) return;
    focusAfterSwitch = null;
    // After the redrawn page's own effects, which give its heading focus as after a navigation.
    const timer = setTimeout(() => chosenRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [locale]);
  return (
    <div className="language-switch" role="group" aria-label={t('app.language.switch')}>
      {locales.map((option) => (
        <button
          key={option}
          ref={option === locale ? chosenRef : undefined}
          type="button"
          lang={option}
          className="language-switch__option"
          aria-pressed={option === locale}
          onClick={() => {
            if (option === locale) return;
            focusAfterSwitch = option;
            choose.mutate(option);
          }}
        >
          {t(`app.language.${option}`)}
        </button>
      ))}
    </div>
  );
}
