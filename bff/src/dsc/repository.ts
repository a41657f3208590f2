import type { Selectable } from 'kysely';
import type { DscRecord, DscStatus } from '@ecoo/shared/dsc/schemas';
import { DSC_EXPIRY_WARNING_DAYS } from '@ecoo/shared/dsc/schemas';
import type { Db } from '../db/connect.ts';
import type { OfficerDscTable } from '../db/schema.ts';

export type DscRow = Selectable<OfficerDscTable>;

const dayMs = 86_400_000;
export const daysLeft = (notAfter: string, now: Date) => Math.floor((Date.parse(notAfter) - now.getTime()) / dayMs);

/** Names compared as people read them: Unicode-normalised, case and spacing ignored ("PRIYA  SAWANT" is Priya Sawant). */
const comparableName = (name: string) => name.normalize('NFKC').toLocaleLowerCase('en-IN').replace(/[\s.]+/g, ' ').trim();

export function recordOf(row: DscRow, officerName: string, now: Date): DscRecord {
  return {
    id: row.id,
    holderName: row.holder_name,
    subject: row.subject,
    issuer: row.issuer,
    issuerName: row.issuer_name,
    classes: JSON.parse(row.classes) as DscRecord['classes'],
    policies: JSON.parse(row.policies) as string[],
    serialNumber: row.serial_number,
    notBefore: row.not_before,
    notAfter: row.not_after,
    fingerprintSha256: row.fingerprint_sha256,
    keyAlgorithm: row.key_algorithm,
    registeredAt: row.registered_at,
    replacedAt: row.replaced_at,
    isDemo: row.is_demo === 1,
    holderDiffersFromOfficer: comparableName(row.holder_name) !== comparableName(officerName),
    daysLeft: daysLeft(row.not_after, now),
  };
}

export function statusOf(notAfter: string | null | undefined, now: Date): DscStatus {
  if (!notAfter) return { state: 'none', notAfter: null, daysLeft: null };
  const left = daysLeft(notAfter, now);
  const state = Date.parse(notAfter) < now.getTime() ? 'expired' : left <= DSC_EXPIRY_WARNING_DAYS ? 'expiring' : 'active';
  return { state, notAfter, daysLeft: left };
}

/** Every DSC of the officer, the active one first, then the replaced ones newest first. */
export const dscsOf = (db: Pick<Db, 'selectFrom'>, userId: string) =>
  db
    .selectFrom('officer_dscs')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy((eb) => eb.case().when('replaced_at', 'is', null).then(0).else(1).end())
    .orderBy('registered_at', 'desc')
    .execute();

/** The active DSC's expiry per officer, for lists and dashboards. */
export async function activeExpiries(db: Pick<Db, 'selectFrom'>, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('officer_dscs').select(['user_id', 'not_after']).where('user_id', 'in', userIds).where('replaced_at', 'is', null).execute();
  return new Map(rows.map((row) => [row.user_id, row.not_after]));
}
