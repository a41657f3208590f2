import { AppError } from '../http/problem.ts';

/**
 * Unknown, revoked, malformed, or a picture that is not this link's agency's: one answer, so
 * whoever guesses learns nothing, not even that a token once worked.
 */
export const registerLinkNotFound = () => new AppError(404, 'problem.registerLinkNotFound');
export const registerLinkActive = () => new AppError(409, 'problem.registerLinkActive');
/** The administrator's own agency has no active link of that id (revoked meanwhile, or another agency's). */
export const registerLinkUnknown = (id: string) => new AppError(404, 'problem.registerLinkUnknown', { id });
