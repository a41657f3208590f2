import { useEffect, useRef } from 'react';
import { t } from '../../lib/i18n';

let isFirstHeading = true;

/**
 * The page's one h1. When it appears after a navigation it takes focus, so a screen reader user
 * hears the new page and Tab continues from there (GIGW / WCAG 2.4.3); the very first page of a
 * visit leaves focus where the browser put it, at the top with the skip link. It also names the tab.
 */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${children} | ${t('app.title')}`;
  }, [children]);

  useEffect(() => {
    if (isFirstHeading) isFirstHeading = false;
    else ref.current?.focus();
  }, []);

  return (
    <h1 ref={ref} className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
