/** The accounts feature's public surface: what the app, infrastructure and other features may use. */
export { agencyOf, type Actor } from './actor.ts';
export { accountsRoutes } from './routes.ts';
export { loadActor, sessionCookie } from './session-middleware.ts';
export { requestLocale } from './language.ts';
export { answerTakenAddress, issuePasswordToken, issueToken, sessionPolicy, spendToken, sweepPasswordResetRequests, type AccountsDeps } from './service.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export { deleteIdleSessions, deleteUnusedAccount, findUserByEmail, insertUser, moveAccountStatus, pendingOfficerAccountsBefore, updateAccount } from './repository.ts';
export { assertEffectiveDate, deactivateAccount, reactivateAccount, revocationsOf, todayInIndia } from './revocations.ts';
