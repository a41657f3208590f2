import { randomUUID } from 'node:crypto';
import type { DscChallenge, DscOverview, DscRecord, ExpiringDscList } from '@ecoo/shared/dsc/schemas';
import { DSC_EXPIRY_WARNING_DAYS } from '@ecoo/shared/dsc/schemas';
import { agencyOf, type Actor } from '../accounts/index.ts';
import { recordAudit } from '../audit/record.ts';
import type { DscTrustConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../http/problem.ts';
import { assertChallengeOpen, issueChallenge, spendChallenge } from './challenges.ts';
import { daysLeft, dscsOf, recordOf } from './repository.ts';
import { dscRefusal } from './verification/refusal.ts';
import type { TrustStore } from './verification/trust-store.ts';
import { refuseKeyMaterial, verifyDscProof, type DscProof } from './verification/verify-proof.ts';

export interface DscDeps {
  db: Db;
  trust: TrustStore;
  config: DscTrustConfig;
  /** The clock; tests move it to see challenges and certificates expire. */
  now?: () => Date;
}

const nowOf = (deps: DscDeps) => deps.now?.() ?? new Date();
const officerNotFound = (id: string) => new AppError(404, 'problem.officerNotFound', { id });

/** The officer behind the signed-in account: active, with an officer record. */
async function activeOfficer(db: Pick<Db, 'selectFrom'>, userId: string) {
  const officer = await db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .select(['users.id', 'users.name', 'users.status', 'officers.agency_id'])
    .where('officers.user_id', '=', userId)
    .executeTakeFirst();
  return officer?.status === 'active' ? officer : undefined;
}

export async function newChallenge(deps: DscDeps, actor: Actor): Promise<DscChallenge> {
  if (!(await activeOfficer(deps.db, actor.id))) throw dscRefusal('notAnOfficer', {}, 403);
  return issueChallenge(deps.db, actor, nowOf(deps));
}

/**
 * Registers the DSC whose key signed the challenge. Every check runs before the transaction; inside
 * it the challenge is spent, the previous DSC is kept as history, and the new one becomes active:
 * all of it commits, or none.
 */
export async function registerDsc(deps: DscDeps, actor: Actor, proof: DscProof): Promise<DscRecord> {
  const now = nowOf(deps);
  const officer = await activeOfficer(deps.db, actor.id);
  if (!officer) throw dscRefusal('notAnOfficer', {}, 403);
  // A key uploaded by mistake is named first: whatever else is wrong, the officer must hear that.
  refuseKeyMaterial(proof);
  await assertChallengeOpen(deps.db, actor, proof.challenge, now);
  const trust = deps.trust.current();
  if (trust.roots.length === 0) throw dscRefusal('noTrustRoots', {}, 503);
  const verified = await verifyDscProof(proof, trust, deps.config, now);
  const { facts } = verified;

  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    // The same certificate, another certificate with the same key (one token), or the same CA's
    // serial (a re-encoded twin): each is one person's.
    const holders = await trx
      .selectFrom('officer_dscs')
      .select(['user_id', 'replaced_at', 'fingerprint_sha256'])
      .where((eb) =>
        eb.or([
          eb('fingerprint_sha256', '=', facts.fingerprintSha256),
          eb('public_key_sha256', '=', facts.publicKeySha256),
          eb.and([eb('issuer', '=', facts.issuer), eb('serial_number', '=', facts.serialNumber)]),
        ]),
      )
      .execute();
    if (holders.some((holder) => holder.user_id !== actor.id)) throw dscRefusal('takenByOtherOfficer', {}, 409);
    if (holders.some((holder) => holder.replaced_at === null && holder.fingerprint_sha256 === facts.fingerprintSha256)) throw dscRefusal('alreadyActive', {}, 409);
    await spendChallenge(trx, actor, proof.challenge, now);
    const registeredAt = now.toISOString();
    await trx.updateTable('officer_dscs').set({ replaced_at: registeredAt }).where('user_id', '=', actor.id).where('replaced_at', 'is', null).execute();
    await trx
      .insertInto('officer_dscs')
      .values({
        id,
        user_id: actor.id,
        agency_id: officer.agency_id,
        fingerprint_sha256: facts.fingerprintSha256,
        public_key_sha256: facts.publicKeySha256,
        certificate_der: verified.certificateDer,
        holder_name: facts.holderName,
        subject: facts.subject,
        issuer: facts.issuer,
        issuer_name: facts.issuerName,
        serial_number: facts.serialNumber,
        classes: JSON.stringify(facts.classes),
        policies: JSON.stringify(facts.policies),
        key_algorithm: facts.keyAlgorithm,
        not_before: facts.notBefore.toISOString(),
        not_after: facts.notAfter.toISOString(),
        is_demo: verified.isDemo ? 1 : 0,
        challenge: proof.challenge,
        signature_der: verified.signatureDer,
        registered_at: registeredAt,
        replaced_at: null,
        warned_30_days_at: null,
        warned_7_days_at: null,
      })
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'dsc.registered',
      subjectType: 'user',
      subjectId: actor.id,
      agencyId: officer.agency_id,
      details: { holder: facts.holderName, issuer: facts.issuerName, serialNumber: facts.serialNumber, fingerprintSha256: facts.fingerprintSha256, notAfter: facts.notAfter.toISOString(), isDemo: verified.isDemo },
    });
  });
  const row = await deps.db.selectFrom('officer_dscs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return recordOf(row, officer.name, now);
}

async function overviewOf(deps: DscDeps, officer: { id: string; name: string }): Promise<DscOverview> {
  const now = nowOf(deps);
  const records = (await dscsOf(deps.db, officer.id)).map((row) => recordOf(row, officer.name, now));
  const active = records.find((record) => record.replacedAt === null) ?? null;
  return { officer: { id: officer.id, name: officer.name }, active, history: records.filter((record) => record !== active) };
}

export async function myDsc(deps: DscDeps, actor: Actor): Promise<DscOverview> {
  return overviewOf(deps, { id: actor.id, name: actor.name });
}

/** An officer of the administrator's own agency; any other id is not found, whoever it belongs to. */
export async function officerDsc(deps: DscDeps, actor: Actor, userId: string): Promise<DscOverview> {
  const agencyId = agencyOf(actor);
  const officer = await deps.db
    .selectFrom('officers')
    .innerJoin('users', 'users.id', 'officers.user_id')
    .select(['users.id', 'users.name'])
    .where('officers.user_id', '=', userId)
    .where('officers.agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!officer) throw officerNotFound(userId);
  return overviewOf(deps, officer);
}

/** Active DSCs of the agency's active officers that expire within 30 days or have expired. */
export async function expiringDscs(deps: DscDeps, actor: Actor): Promise<ExpiringDscList> {
  const now = nowOf(deps);
  const horizon = new Date(now.getTime() + (DSC_EXPIRY_WARNING_DAYS + 1) * 86_400_000).toISOString();
  const rows = await deps.db
    .selectFrom('officer_dscs')
    .innerJoin('users', 'users.id', 'officer_dscs.user_id')
    .select(['officer_dscs.user_id', 'users.name', 'officer_dscs.holder_name', 'officer_dscs.not_after'])
    .where('officer_dscs.agency_id', '=', agencyOf(actor))
    .where('officer_dscs.replaced_at', 'is', null)
    .where('users.status', '=', 'active')
    .where('officer_dscs.not_after', '<', horizon)
    .orderBy('officer_dscs.not_after')
    .limit(500)
    .execute();
  return {
    items: rows
      .map((row) => ({ officerId: row.user_id, officerName: row.name, holderName: row.holder_name, notAfter: row.not_after, daysLeft: daysLeft(row.not_after, now) }))
      .filter((item) => item.daysLeft <= DSC_EXPIRY_WARNING_DAYS),
  };
}
