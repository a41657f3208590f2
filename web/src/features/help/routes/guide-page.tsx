import type { ComponentType } from 'react';
import '../help.css';
import { PageHeading } from '../../../components/ui/page-heading';
import { t } from '../../../lib/i18n';
import { HelpContents } from '../components/help-contents';
import { HelpNav } from '../components/help-nav';
import { HelpSection } from '../components/help-section';
import { Helpdesk } from '../components/helpdesk';
import { useFocusSection } from '../components/use-focus-section';
import { sectionsOf, type ContentPage } from '../content';

/** A role's guide, or the FAQs: short sections, each one task or one question. */
function GuidePage({ page }: { page: ContentPage }) {
  useFocusSection();
  const sections = sectionsOf(page);
  return (
    <>
      <PageHeading>{t(`help.${page}.title`)}</PageHeading>
      <p className="lead">{t(`help.${page}.intro`)}</p>
      <HelpNav />
      <HelpContents sections={sections} />
      {sections.map((section) => (
        <HelpSection key={section.id} section={section} />
      ))}
      <Helpdesk />
    </>
  );
}

/** One page component per guide and the FAQs, for the routes to load lazily. */
export const guidePages: Record<ContentPage, ComponentType> = {
  administrator: () => <GuidePage page="administrator" />,
  officer: () => <GuidePage page="officer" />,
  reviewer: () => <GuidePage page="reviewer" />,
  faq: () => <GuidePage page="faq" />,
};
