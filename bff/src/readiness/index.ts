/** The readiness feature's public surface: go-live readiness for administrators and the DGFT reviewer. */
export { readinessRoutes } from './routes.ts';
export type { ReadinessDeps } from './service.ts';
