import { Link } from 'react-router';
import { t } from '../../../lib/i18n';
import type { HelpSectionContent } from '../content';

/** "On this page": a link to each section of a long help page; following one moves focus there. */
export function HelpContents({ sections }: { sections: HelpSectionContent[] }) {
  return (
    <nav className="help-contents" aria-labelledby="help-contents-title">
      <h2 id="help-contents-title" className="help-contents__title">
        {t('help.contents')}
      </h2>
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <Link to={{ hash: section.id }}>{t(section.title)}</Link>
          </li>
        ))}
        <li>
          <Link to={{ hash: 'helpdesk' }}>{t('help.index.helpdesk.title')}</Link>
        </li>
      </ul>
    </nav>
  );
}
