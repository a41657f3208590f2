import { t } from '../../../lib/i18n';
import { helpdesk } from '../content';

/** §8's helpdesk and §7's pointer to the User Guide and FAQs on trade.gov.in, at the end of every help page. */
export function Helpdesk() {
  return (
    <section id="helpdesk" className="help-section help-helpdesk" tabIndex={-1} aria-labelledby="helpdesk-title">
      <h2 id="helpdesk-title">{t('help.index.helpdesk.title')}</h2>
      <p>{t('help.helpdesk.intro')}</p>
      <dl className="help-helpdesk__channels">
        <dt>{t('help.helpdesk.phone')}</dt>
        <dd>
          <ul className="help-helpdesk__numbers">
            {helpdesk.tollFree.map((number) => (
              <li key={number}>
                <a href={`tel:+91${number.replace(/^0|-/g, '')}`}>{number}</a>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('help.helpdesk.email')}</dt>
        <dd>
          <a href={`mailto:${helpdesk.email}`}>{helpdesk.email}</a>
        </dd>
      </dl>
      <p>{t('help.helpdesk.reference')}</p>
      <p>{t('help.helpdesk.guide')}</p>
      <p>
        <a href={helpdesk.userGuideUrl} lang="en">
          {helpdesk.userGuideUrl}
        </a>
      </p>
    </section>
  );
}
