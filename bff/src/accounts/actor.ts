import { notYourAgency } from '../http/problem.ts';
import type { Role } from '@ecoo/shared/http/endpoint';

/** The signed-in user behind a request, as the session middleware loaded it. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
  sessionIdHash: string;
}

/** The agency an administrator or officer acts for; a reviewer has none, so agency-owned things are not theirs. */
export function agencyOf(actor: Actor): string {
  if (!actor.agencyId) throw notYourAgency();
  return actor.agencyId;
}
