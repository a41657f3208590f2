import { NavLink } from 'react-router';
import { helpPaths, type HelpPage } from '../../../components/ui/page-heading';
import { useActor } from '../../../lib/auth';
import { t } from '../../../lib/i18n';
import { guidesFor } from '../content';

/** The help pages, linked to each other: the guide for the signed-in user's role first. */
export function HelpNav() {
  const actor = useActor();
  const pages: HelpPage[] = [...guidesFor(actor?.role), 'faq', 'index'];
  return (
    <nav className="help-nav" aria-label={t('help.pages')}>
      <ul className="help-nav__list">
        {pages.map((page) => (
          <li key={page}>
            <NavLink className="help-nav__link" to={helpPaths[page]} end>
              {t(`help.${page}.title`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
