/** The agencies feature's public surface: the DGFT register, as the app and other features may use it. */
export { agenciesRoutes } from './routes.ts';
export { createAgency, listAgencies } from './service.ts';
export { findAgency } from './repository.ts';
