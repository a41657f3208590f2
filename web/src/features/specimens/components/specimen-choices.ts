import type { SpecimenChoices } from '@ecoo/shared/specimens/schemas';
import { t } from '../../../lib/i18n';

type Office = SpecimenChoices['offices'][number];
type Officer = SpecimenChoices['officers'][number];

/** Why an office or officer cannot be chosen, in words; none: it can be. */
export const officeReasons = (office: Office) => office.blockers.map((blocker) => t(`specimens.blocker.office.${blocker}`));

/** An officer's reasons for the office chosen: their own, and not being mapped to it. */
export function officerReasons(officer: Officer, officeId: string): string[] {
  const reasons = officer.blockers.map((blocker) => t(`specimens.blocker.officer.${blocker}`));
  if (!officer.officeIds.includes(officeId)) reasons.push(t('specimens.blocker.officer.not-mapped'));
  return reasons;
}
