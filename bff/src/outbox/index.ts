/** The development outbox's public surface. */
export { outboxRoutes } from './routes.ts';
