import { Link } from 'react-router';
import { helpHref } from '../../../components/ui/page-heading';
import { t } from '../../../lib/i18n';
import { sectionTitle, type HelpSectionContent } from '../content';

/**
 * One task of a guide, or one question: its id is what "Help on this page" links to, and it takes
 * focus when the address names it (useFocusSection), so it is focusable but not in the Tab order.
 */
export function HelpSection({ section }: { section: HelpSectionContent }) {
  const headingId = `${section.id}-title`;
  return (
    <section id={section.id} className="help-section" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(section.title)}</h2>
      {section.paragraphs.map((key) => (
        <p key={key}>{t(key)}</p>
      ))}
      {section.steps.length > 0 && (
        <ol className="help-section__steps">
          {section.steps.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      )}
      {section.items.length > 0 && (
        <ul>
          {section.items.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      )}
      {section.related.length > 0 && <RelatedTopics section={section} />}
    </section>
  );
}

function RelatedTopics({ section }: { section: HelpSectionContent }) {
  const labelId = `${section.id}-related`;
  return (
    <>
      <p id={labelId} className="help-section__related">
        {t('help.related')}
      </p>
      <ul aria-labelledby={labelId}>
        {section.related.map((topic) => (
          <li key={topic}>
            <Link to={helpHref(topic)}>{t(sectionTitle(topic))}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
