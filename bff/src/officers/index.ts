/** The officers feature's public surface: what the app and other features may use. */
export { officersRoutes } from './routes.ts';
export { addOfficerAccount, confirmOfficerRequest, isUnconfirmedRequest, registerOfficer, releaseUnconfirmedRequest, type OfficersDeps } from './service.ts';
export { officerSignatureSubject } from './signature-subject.ts';
