/** The offices feature's public surface: what the app and other features may use. */
export { officesRoutes } from './routes.ts';
export { addOffice, officeReferences, type OfficeReference, type OfficesDeps } from './service.ts';
export { officeStampSubject } from './stamp-subject.ts';
