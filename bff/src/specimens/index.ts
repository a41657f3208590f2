/** The specimen certificate feature's public surface: its routes and the job that draws the PDFs. */
export { specimensRoutes } from './routes.ts';
export type { SpecimensDeps } from './service.ts';
export { specimenCertificateJobs } from './job.ts';
