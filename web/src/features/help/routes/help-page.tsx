import '../help.css';
import { Link } from 'react-router';
import { helpPaths, PageHeading } from '../../../components/ui/page-heading';
import { useActor } from '../../../lib/auth';
import { t } from '../../../lib/i18n';
import { HelpSection } from '../components/help-section';
import { Helpdesk } from '../components/helpdesk';
import { useFocusSection } from '../components/use-focus-section';
import { guidesFor, isGuideFor, sectionsOf } from '../content';

/** /help: the guides (the signed-in user's own first), the FAQs, registering, and the CoO Helpdesk. Open to everyone. */
export function HelpPage() {
  useFocusSection();
  const role = useActor()?.role;
  const register = sectionsOf('index').find((section) => section.id === 'register');
  return (
    <>
      <PageHeading>{t('help.index.title')}</PageHeading>
      <p className="lead">{t('help.index.intro')}</p>
      <section id="guides" className="help-section" tabIndex={-1} aria-labelledby="guides-title">
        <h2 id="guides-title">{t('help.index.guides.title')}</h2>
        <ul className="cards">
          {[...guidesFor(role), 'faq' as const].map((page) => (
            <li key={page} className="card">
              <h3 className="card__title">
                <Link to={helpPaths[page]}>{t(`help.${page}.title`)}</Link>
              </h3>
              {page !== 'faq' && isGuideFor(page, role) && <p className="help-guide__yours">{t('help.yourRole')}</p>}
              <p>{t(`help.${page}.summary`)}</p>
            </li>
          ))}
        </ul>
      </section>
      {register && <HelpSection section={register} />}
      <Helpdesk />
    </>
  );
}
