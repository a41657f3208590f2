import { useEffect, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import { t } from '../../lib/i18n';

/**
 * The help pages and the sections a page heading may point to (issue 14, Trade Notice 23/2024-25
 * §7). They live here, below the features, because every feature's heading links into them and a
 * feature may not import the help feature; the help feature writes one section for each id listed.
 */
export const helpSections = {
  index: ['guides', 'register', 'helpdesk'],
  administrator: [
    'register',
    'activation',
    'dashboard',
    'add-office',
    'payment-parameters',
    'e-wallet',
    'import-offices',
    'offices',
    'stamps',
    'users',
    'approve-officers',
    'map-officers',
    'signatures',
    'deactivate-officers',
    'officer-dsc',
  ],
  officer: ['register', 'confirm-email', 'approval', 'dashboard', 'dsc', 'dsc-renewal'],
  reviewer: ['registrations', 'agencies', 'administrators'],
  faq: [
    'forgotten-password',
    'sign-in-pause',
    'set-password-link',
    'signed-out',
    'who-activates',
    'who-approves',
    'officer-request-missing',
    'email-refused',
    'files',
    'stamp-faint',
    'dsc-classes',
    'e-wallet',
    'payment-refused',
    'change-language',
  ],
} as const;

export type HelpPage = keyof typeof helpSections;
export type HelpSection<P extends HelpPage> = (typeof helpSections)[P][number];
/** A help page, or one section of it: 'faq', 'administrator#add-office'. */
export type HelpTopic = { [P in HelpPage]: P | `${P}#${HelpSection<P>}` }[HelpPage];

export const helpPaths: Record<HelpPage, string> = {
  index: '/help',
  administrator: '/help/administrator',
  officer: '/help/officer',
  reviewer: '/help/reviewer',
  faq: '/help/faq',
};

export function helpHref(topic: HelpTopic): string {
  const [page, section] = topic.split('#') as [HelpPage, string?];
  return section ? `${helpPaths[page]}#${section}` : helpPaths[page];
}

let isFirstHeading = true;

/**
 * The page's one h1. When it appears after a navigation it takes focus, so a screen reader user
 * hears the new page and Tab continues from there (GIGW / WCAG 2.4.3); the very first page of a
 * visit leaves focus where the browser put it, at the top with the skip link. It also names the tab.
 * With `help`, a link to the help for this screen follows it, named with the page (WCAG 2.4.4).
 */
export function PageHeading({ children, help }: { children: string; help?: HelpTopic }) {
  const ref = useRef<HTMLHeadingElement>(null);

  // Named in the same commit as the heading appears, so nothing (a screen reader, axe) ever meets the
  // page with its heading but without its title.
  useLayoutEffect(() => {
    document.title = `${children} | ${t('app.title')}`;
  }, [children]);

  useEffect(() => {
    if (isFirstHeading) isFirstHeading = false;
    else ref.current?.focus();
  }, []);

  const heading = (
    <h1 ref={ref} className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
  if (!help) return heading;
  return (
    <>
      {heading}
      <p className="page-heading__help">
        <Link to={helpHref(help)} aria-label={t('help.onThisPage.named', { page: children })}>
          {t('help.onThisPage')}
        </Link>
      </p>
    </>
  );
}
