/** The DSC feature's public surface: what the app, the officers feature and the scripts may use. */
export { dscRoutes } from './routes.ts';
export type { DscDeps } from './service.ts';
export { ensureDemoCa, demoHolderFiles, signAsDemoHolder } from './demo-ca.ts';
export { TrustStore } from './verification/trust-store.ts';
export { verifyDscProof } from './verification/verify-proof.ts';
export { activeExpiries, statusOf as dscStatusOf } from './repository.ts';
export { DscExpiryNotices } from './expiry-notices.ts';
