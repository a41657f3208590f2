import type { Locale } from '@ecoo/shared/i18n/translate';
import type { JobStep } from '@ecoo/shared/images/schemas';
import type { Generated } from 'kysely';

/** Instants are ISO 8601 UTC strings; booleans are 0/1 so SQLite and PostgreSQL read them alike. */
export interface AgencyTable {
  id: string;
  code: string;
  name: string;
  certifies: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface AgencyEmailDomainTable {
  agency_id: string;
  domain: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  mobile: string | null;
  role: 'dgft-reviewer' | 'agency-admin' | 'issuing-officer';
  agency_id: string | null;
  /** pending and rejected: an officer's request that the agency administrator has not approved. */
  status: 'pending' | 'active' | 'disabled' | 'rejected';
  password_hash: string | null;
  created_at: string;
  updated_at: string;
  /** The language chosen on the console; null until chosen (the browser's then decides). */
  locale?: Locale | null;
}

export interface RegistrationTable {
  id: string;
  register_as: 'coo-authorized-agency';
  role: 'administrator';
  agency_id: string;
  name: string;
  mobile: string;
  email: string;
  status: 'pending' | 'activated' | 'rejected';
  letter_sha256: string;
  letter_content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  letter_file_name: string;
  letter_size: number;
  submitted_at: string;
  decided_at: string | null;
  decided_by: string | null;
  rejection_reason: string | null;
  user_id: string | null;
  /** The applicant's language when submitting; their account and its mail take it over. */
  locale?: Locale | null;
  /** When a rejected registration's letter was removed after its retention period; the row stays. */
  letter_removed_at?: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type TokenPurpose = 'activation' | 'reset' | 'first-reviewer' | 'confirm-email';

export interface PasswordTokenTable {
  id_hash: string;
  user_id: string;
  /** confirm-email: an officer's request proves the address before it reaches the administrator. */
  purpose: TokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInFailureTable {
  id: Generated<number>;
  email: string;
  address: string;
  at: string;
}

export interface MailTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  /** pending: waiting for SMTP; kept: held in the development outbox; sent; failed: gave up. */
  status: 'pending' | 'kept' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** The subject's message key (mail.activation.subject …); null on mails older than it. */
  template: string | null;
}

export interface AuditEntryTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  agency_id: string | null;
  details: string;
  /** The actor's role when they acted; null where nobody signed in acted. */
  actor_role: 'dgft-reviewer' | 'agency-admin' | 'issuing-officer' | null;
  /** The office the entry concerns, and the officer: the trail's filters. */
  office_id: string | null;
  officer_id: string | null;
}

export interface OfficeTable {
  id: string;
  agency_id: string;
  code: string;
  name: string;
  address_line1: string;
  address_line2: string;
  city: string;
  state: string;
  pin_code: string;
  phone: string;
  email: string;
  gstin: string;
  merchant_id: string;
  checksum_key_sealed: string;
  checksum_key_fingerprint: string;
  is_e_wallet_enabled: number;
  e_wallet_changed_at: string | null;
  e_wallet_changed_by: string | null;
  is_active: number;
  stamp_version_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImageUploadTable {
  id: string;
  agency_id: string;
  purpose: 'office-stamp' | 'officer-signature';
  subject_id: string;
  file_name: string;
  content_type: string;
  byte_size: number;
  width: number;
  height: number;
  original_sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ImageJobTable {
  id: string;
  upload_id: string;
  agency_id: string;
  use_model: 'auto' | 'always';
  state: 'queued' | 'running' | 'done' | 'failed';
  step: JobStep | null;
  attempts: number;
  failure_reason: 'unreadable' | 'timeout' | 'crashed' | 'out-of-memory' | 'internal' | null;
  queued_at: string;
  started_at: string | null;
  finished_at: string | null;
  chosen_method: BackgroundMethodColumn | null;
  original_preview_sha256: string | null;
  accepted_version_id: string | null;
}

type BackgroundMethodColumn = 'ink' | 'ink-on-sheet' | 'subject-model';

export interface ImageJobResultTable {
  job_id: string;
  method: BackgroundMethodColumn;
  width: number;
  height: number;
  colour_sha256: string;
  strength_sha256: string;
  preview_width: number;
  preview_height: number;
  preview_colour_sha256: string;
  preview_strength_sha256: string;
}

export interface ImageVersionTable {
  id: string;
  agency_id: string;
  purpose: 'office-stamp' | 'officer-signature';
  subject_id: string;
  version: number;
  job_id: string;
  method: BackgroundMethodColumn;
  sensitivity: number;
  png_sha256: string;
  width: number;
  height: number;
  accepted_by: string;
  accepted_at: string;
}

/** The accepted picture at full size, rendered by a job for one result and sensitivity of an image job. */
export interface ImageRenderTable {
  id: string;
  job_id: string;
  method: BackgroundMethodColumn;
  sensitivity: number;
  /** no-ink: nothing is left at this sensitivity (the administrator lowers it). */
  state: 'queued' | 'done' | 'no-ink' | 'failed';
  png_sha256: string | null;
  width: number | null;
  height: number | null;
  requested_at: string;
}

export interface OfficerTable {
  user_id: string;
  agency_id: string;
  designation: string;
  requested_office_id: string | null;
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  rejection_reason: string | null;
  /** The signature image the officer's certificates carry now. */
  signature_version_id: string | null;
  /** Null until the officer opens the link mailed to their address; only then is the request the administrator's. */
  email_confirmed_at: string | null;
  updated_at: string;
}

/** A request to join made again after a rejection, held as typed until its mailed link is opened. */
export interface OfficerRequestAgainTable {
  user_id: string;
  name: string;
  mobile: string;
  designation: string;
  requested_office_id: string;
  locale: Locale;
  requested_at: string;
}

export interface OfficerOfficeTable {
  officer_id: string;
  office_id: string;
  mapped_at: string;
  mapped_by: string | null;
}

/** A deactivation of an account, kept for good; reactivation is written onto it, never deletes it. */
export interface AccountRevocationTable {
  id: string;
  user_id: string;
  agency_id: string | null;
  effective_date: string;
  reason: string;
  revoked_by: string;
  revoked_at: string;
  reactivated_at: string | null;
  reactivated_by: string | null;
}

export interface PasswordResetRequestTable {
  id: Generated<number>;
  email: string;
  address: string;
  at: string;
  processed_at: string | null;
  /** 1 when a link was mailed for it: at most a few an hour per account. */
  is_mailed: Generated<number>;
  /** 'forgot' (the form) or 'sign-in-paused' (guesses at the account): which mail goes. */
  reason: Generated<'forgot' | 'sign-in-paused'>;
}

export interface SignInAddressTable {
  email: string;
  address: string;
  at: string;
}

export interface RegistrationAttemptTable {
  id: Generated<number>;
  address: string;
  at: string;
  /** 1 when the overall hourly limit let it through. */
  is_admitted: Generated<number>;
}

/** The last "someone tried to register with your address" mail to each address. */
export interface RegistrationAttemptMailTable {
  email: string;
  mailed_at: string;
}

export interface DscChallengeTable {
  challenge_sha256: string;
  user_id: string;
  session_id_hash: string;
  issued_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A DSC an officer registered; replaced_at is null for the one active DSC. */
export interface OfficerDscTable {
  id: string;
  user_id: string;
  agency_id: string;
  fingerprint_sha256: string;
  public_key_sha256: string;
  certificate_der: Buffer;
  holder_name: string;
  subject: string;
  issuer: string;
  issuer_name: string;
  serial_number: string;
  /** JSON arrays. */
  classes: string;
  policies: string;
  key_algorithm: string;
  not_before: string;
  not_after: string;
  is_demo: number;
  /** The proof, kept for re-verification: the challenge text and the CMS signature over it. */
  challenge: string;
  signature_der: Buffer;
  registered_at: string;
  replaced_at: string | null;
  warned_30_days_at: string | null;
  warned_7_days_at: string | null;
}

export interface ChangeCounterTable {
  name: string;
  version: number;
}

/** One piece of background work; see jobs/queue.ts. Times are the database's clock, ISO 8601 UTC. */
export interface JobTable {
  /** `kind:subject_id`: one job of a kind per subject. */
  id: string;
  kind: 'mail' | 'background-removal' | 'accept-render' | 'specimen-certificate';
  /** The row the job works on: a mail, an image job, an image render. */
  subject_id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_after: string;
  /** Which process holds the lease while running, and until when; after that another takes it over. */
  holder: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A link that opens an agency's specimen register without signing in; revoked links stay, revoked. */
export interface SpecimenRegisterLinkTable {
  id: string;
  agency_id: string;
  /** 256 random bits, base64url: the capability itself, kept so the administrator can copy it again. */
  token: string;
  created_by: string;
  created_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

/** When an office was closed (deactivated) until it was opened again: its stamp was on no certificate meanwhile. */
export interface OfficeDeactivationTable {
  id: string;
  office_id: string;
  agency_id: string;
  deactivated_at: string;
  /** Null when carried over from before the table (the audit trail names no one) or a system change. */
  deactivated_by: string | null;
  /** Null while the office is still closed. */
  reactivated_at: string | null;
  reactivated_by: string | null;
}

/** When an accepted version was a subject's image in use: from its accept or reinstatement to the next one. */
export interface ImageUsePeriodTable {
  id: string;
  agency_id: string;
  purpose: 'office-stamp' | 'officer-signature';
  subject_id: string;
  version_id: string;
  began_at: string;
  /** Null while it is still in use. */
  ended_at: string | null;
}

/** A specimen certificate asked for by an administrator; its PDF is drawn by a job (see bff/src/specimens). */
export interface SpecimenCertificateTable {
  id: string;
  agency_id: string;
  office_id: string;
  officer_id: string;
  /** The versions in use when it was asked for: the PDF carries these, whatever is accepted later. */
  stamp_version_id: string;
  signature_version_id: string;
  /** The day the specimen shows (India's calendar, YYYY-MM-DD): the register entry its QR opens. */
  specimen_date: string;
  requested_by: string;
  requested_at: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  failure_reason: 'no-register-link' | 'image-missing' | 'internal' | null;
  finished_at: string | null;
  /** The PDF's file key in the file store (its SHA-256), set with `done`. */
  pdf_sha256: string | null;
  pdf_size: number | null;
  /** The register link whose token the QR carries, set with `done`: once that link is revoked, the QR opens nothing. */
  register_link_id: string | null;
  /** Fields the standard fonts could not print as written (comma-separated, e.g. "officerName,officeName"): printed transliterated or with characters left out. */
  unprintable_fields: string | null;
}

export interface Database {
  jobs: JobTable;
  change_counters: ChangeCounterTable;
  offices: OfficeTable;
  image_uploads: ImageUploadTable;
  image_jobs: ImageJobTable;
  image_job_results: ImageJobResultTable;
  image_versions: ImageVersionTable;
  image_renders: ImageRenderTable;
  agencies: AgencyTable;
  agency_email_domains: AgencyEmailDomainTable;
  users: UserTable;
  officers: OfficerTable;
  officer_offices: OfficerOfficeTable;
  officer_requests_again: OfficerRequestAgainTable;
  account_revocations: AccountRevocationTable;
  registrations: RegistrationTable;
  sessions: SessionTable;
  password_tokens: PasswordTokenTable;
  sign_in_failures: SignInFailureTable;
  registration_attempts: RegistrationAttemptTable;
  registration_attempt_mails: RegistrationAttemptMailTable;
  password_reset_requests: PasswordResetRequestTable;
  sign_in_addresses: SignInAddressTable;
  dsc_challenges: DscChallengeTable;
  officer_dscs: OfficerDscTable;
  mails: MailTable;
  audit_entries: AuditEntryTable;
  specimen_certificates: SpecimenCertificateTable;
  specimen_register_links: SpecimenRegisterLinkTable;
  image_use_periods: ImageUsePeriodTable;
  office_deactivations: OfficeDeactivationTable;
}
