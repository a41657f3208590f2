/** The health feature's public surface. */
export { healthRoutes } from './routes.ts';
