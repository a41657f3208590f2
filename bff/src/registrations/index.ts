/** The registrations feature's public surface: the routes the app mounts. */
export { registrationsRoutes } from './routes.ts';
export { deleteOldRegistrationAttempts } from './submission-throttle.ts';
export { cleanUpRegistrations } from './cleanup.ts';
export type { RegistrationsDeps } from './service.ts';
