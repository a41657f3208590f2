import type { Role } from '@ecoo/shared/http/endpoint';
import { isMessageKey } from '@ecoo/shared/i18n/translate';
import { helpSections, type HelpPage, type HelpSection, type HelpTopic } from '../../components/ui/page-heading';
import type { MessageKey } from '../../lib/i18n';

/** The CoO Helpdesk, exactly as Trade Notice 23/2024-25 §8 gives it, and §7's home of the User Guide and FAQs. */
export const helpdesk = {
  tollFree: ['011-23061495', '011-23061499'],
  email: 'coo-dgft@gov.in',
  userGuideUrl: 'https://trade.gov.in',
} as const;

/** The guides, one per role; `faq` and the overview (`index`) are for everyone. */
export type GuidePage = 'administrator' | 'officer' | 'reviewer';
export type ContentPage = GuidePage | 'faq';
const guideOf: Record<Role, GuidePage> = { 'agency-admin': 'administrator', 'issuing-officer': 'officer', 'dgft-reviewer': 'reviewer' };

/** The guides in the order shown: the signed-in user's own first, then the others in the order of the journey. */
export function guidesFor(role: Role | undefined): GuidePage[] {
  const guides: GuidePage[] = ['administrator', 'officer', 'reviewer'];
  return role ? [guideOf[role], ...guides.filter((guide) => guide !== guideOf[role])] : guides;
}

export function isGuideFor(guide: GuidePage, role: Role | undefined): boolean {
  return role !== undefined && guideOf[role] === guide;
}

// Every section a page heading may link to has its title in the catalogue, or this does not compile.
type SectionTitleKey = { [P in HelpPage]: `help.${P}.${HelpSection<P>}.title` }[HelpPage];
type PageTitleKey = `help.${HelpPage}.title`;
type MissingTitle = Exclude<SectionTitleKey | PageTitleKey, MessageKey>;
const everySectionHasATitle: [MissingTitle] extends [never] ? true : MissingTitle = true;
void everySectionHasATitle;

export interface HelpSectionContent {
  id: string;
  title: MessageKey;
  paragraphs: MessageKey[];
  /** The task's steps, in order (an ordered list). */
  steps: MessageKey[];
  /** Points that are not steps (a plain list). */
  items: MessageKey[];
  /** Other sections that finish the task, linked at the section's end. */
  related: HelpTopic[];
}

/** help.<page>.<section>.p1, .p2, …: the catalogue holds as many as a section needs, numbered from 1. */
function numbered(prefix: string, part: 'p' | 'step' | 'item'): MessageKey[] {
  const keys: MessageKey[] = [];
  for (let n = 1; ; n += 1) {
    const key = `${prefix}.${part}${n}`;
    if (!isMessageKey(key)) return keys;
    keys.push(key);
  }
}

const related: Partial<Record<HelpTopic, HelpTopic[]>> = {
  'index#register': ['administrator#register', 'officer#register'],
  'administrator#activation': ['faq#set-password-link', 'faq#who-activates'],
  'administrator#add-office': ['administrator#payment-parameters', 'administrator#e-wallet', 'administrator#import-offices'],
  'administrator#payment-parameters': ['faq#payment-refused'],
  'administrator#stamps': ['faq#stamp-faint', 'faq#files'],
  'administrator#users': ['administrator#approve-officers', 'administrator#map-officers', 'administrator#signatures', 'administrator#deactivate-officers', 'administrator#officer-dsc'],
  'administrator#approve-officers': ['faq#officer-request-missing'],
  'administrator#signatures': ['administrator#stamps'],
  'officer#dsc': ['faq#dsc-classes'],
  'faq#e-wallet': ['administrator#e-wallet'],
  'faq#stamp-faint': ['administrator#stamps'],
  'faq#who-approves': ['administrator#approve-officers'],
};

/** The sections of a help page, read from the catalogue in the order of `helpSections`. */
export function sectionsOf<P extends HelpPage>(page: P): HelpSectionContent[] {
  return (helpSections[page] as readonly HelpSection<P>[]).map((section) => {
    const prefix = `help.${page}.${section}`;
    return {
      id: section,
      title: sectionTitle(`${page}#${section}` as HelpTopic),
      paragraphs: numbered(prefix, 'p'),
      steps: numbered(prefix, 'step'),
      items: numbered(prefix, 'item'),
      related: related[`${page}#${section}` as HelpTopic] ?? [],
    };
  });
}

/** A topic's heading: its section's title, or the page's title. */
export function sectionTitle(topic: HelpTopic): MessageKey {
  const [page, section] = topic.split('#');
  return (section ? `help.${page}.${section}.title` : `help.${page}.title`) as SectionTitleKey | PageTitleKey;
}
