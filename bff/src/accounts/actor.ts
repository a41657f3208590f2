import { notYourAgency } from '../http/problem.ts';
import type { Role } from '@ecoo/shared/http/endpoint';
import type { Locale } from '@ecoo/shared/i18n/translate';

/** The signed-in user behind a request, as the session middleware loaded it. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  /** The language the user chose, or null: then the browser's decides (see requestLocale). */
  locale: Locale | null;
  sessionIdHash: string;
}

/** The agency an administrator or officer acts for; a reviewer has none, so agency-owned things are not theirs. */
export function agencyOf(actor: Actor): string {
  if (!actor.agencyId) throw notYourAgency();
  return actor.agencyId;
}
