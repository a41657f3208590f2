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
