/** The administrators feature's public surface (the DGFT reviewer's view of agency administrators). */
export { administratorsRoutes } from './routes.ts';
export type { AdministratorsDeps } from './service.ts';
