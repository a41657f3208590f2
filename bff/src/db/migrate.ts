import { type Kysely, type Migration, Migrator } from 'kysely';
import * as createFoundation from './migrations/2026-11-22T2200-create-foundation.ts';
import * as indexRegistrationsByStatus from './migrations/2026-11-22T2330-index-registrations-by-status.ts';
import * as createChangeCounters from './migrations/2026-11-22T2340-create-change-counters.ts';
import * as createOffices from './migrations/2026-11-22T2350-create-offices.ts';
import * as createImages from './migrations/2026-11-23T0100-create-images.ts';
import * as addOfficerSignatures from './migrations/2026-11-23T0200-add-officer-signatures.ts';
import * as createOfficers from './migrations/2026-11-30T1000-create-officers.ts';
import * as createRegistrationAttempts from './migrations/2026-11-30T1100-create-registration-attempts.ts';
import * as watchOfficerTables from './migrations/2026-11-30T1200-watch-officer-tables.ts';
import * as confirmOfficerEmails from './migrations/2026-11-30T1300-confirm-officer-emails.ts';
import * as createOfficerDscs from './migrations/2026-11-30T1400-create-officer-dscs.ts';
import * as createPasswordResetRequests from './migrations/2026-11-30T1600-create-password-reset-requests.ts';
import * as createSignInAddresses from './migrations/2026-11-30T1610-create-sign-in-addresses.ts';
import * as boundRegistrations from './migrations/2026-11-30T1620-bound-registrations.ts';
import * as createJobs from './migrations/2026-11-30T1700-create-jobs.ts';
import * as createImageRenders from './migrations/2026-11-30T1710-create-image-renders.ts';
import * as createRegistrationAttemptMails from './migrations/2026-11-30T1720-create-registration-attempt-mails.ts';
import * as nameMailTemplates from './migrations/2026-11-30T1730-name-mail-templates.ts';
import * as rememberLanguages from './migrations/2026-11-30T1800-remember-languages.ts';
import * as auditTrail from './migrations/2026-12-01T0830-audit-trail.ts';
import * as createSpecimenRegisterLinks from './migrations/2026-12-01T1100-create-specimen-register-links.ts';
import * as createSpecimenCertificates from './migrations/2026-12-01T1110-create-specimen-certificates.ts';
import * as shardChangeCounters from './migrations/2026-12-02T2200-shard-change-counters.ts';
import * as holdOfficerRequestsAgain from './migrations/2026-12-02T2300-hold-officer-requests-again.ts';

/** Listed here rather than read from disk, so the order is explicit and the bundle-free tsx run finds them. */
const migrations: Record<string, Migration> = {
  '2026-11-22T2200-create-foundation': createFoundation,
  '2026-11-22T2330-index-registrations-by-status': indexRegistrationsByStatus,
  '2026-11-22T2340-create-change-counters': createChangeCounters,
  '2026-11-22T2350-create-offices': createOffices,
  '2026-11-23T0100-create-images': createImages,
  '2026-11-23T0200-add-officer-signatures': addOfficerSignatures,
  '2026-11-30T1000-create-officers': createOfficers,
  '2026-11-30T1100-create-registration-attempts': createRegistrationAttempts,
  '2026-11-30T1200-watch-officer-tables': watchOfficerTables,
  '2026-11-30T1300-confirm-officer-emails': confirmOfficerEmails,
  '2026-11-30T1400-create-officer-dscs': createOfficerDscs,
  '2026-11-30T1600-create-password-reset-requests': createPasswordResetRequests,
  '2026-11-30T1610-create-sign-in-addresses': createSignInAddresses,
  '2026-11-30T1620-bound-registrations': boundRegistrations,
  '2026-11-30T1700-create-jobs': createJobs,
  '2026-11-30T1710-create-image-renders': createImageRenders,
  '2026-11-30T1720-create-registration-attempt-mails': createRegistrationAttemptMails,
  '2026-11-30T1730-name-mail-templates': nameMailTemplates,
  '2026-11-30T1800-remember-languages': rememberLanguages,
  '2026-12-01T0830-audit-trail': auditTrail,
  '2026-12-01T1100-create-specimen-register-links': createSpecimenRegisterLinks,
  '2026-12-01T1110-create-specimen-certificates': createSpecimenCertificates,
  '2026-12-02T2200-shard-change-counters': shardChangeCounters,
  '2026-12-02T2300-hold-officer-requests-again': holdOfficerRequestsAgain,
};

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed. On SQLite its steps are not one transaction: restore the data folder from its backup, fix the cause, and start again.`, { cause: error });
  }
}
