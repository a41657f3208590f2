/** The offices feature's public surface: what the app and other features may use. */
export { officesRoutes } from './routes.ts';
export { addOffice, type OfficesDeps } from './service.ts';
