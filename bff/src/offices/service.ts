import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Office, OfficeCreateSchema, OfficeList, OfficeListQuerySchema, OfficeUpdateSchema } from '@ecoo/shared/offices/schemas';
import type { PageQuery } from '@ecoo/shared/offices/paging';
import type { FieldChange, OfficeAuditList } from '@ecoo/shared/offices/audit';
import { ChecksumKeySchema, MerchantIdSchema } from '@ecoo/shared/offices/payment-params';
import { describeIssues, fieldProblem } from '@ecoo/shared/validation/describe-issue';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import type { SecretSealer } from '../secrets/seal.ts';
import { AppError, badRequest } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import { countAuditEntries, listAuditEntries } from '../audit/list.ts';
import { agencyOf, type Actor } from '../accounts/index.ts';
import * as repo from './repository.ts';

export interface OfficesDeps {
  db: Db;
  sealer: SecretSealer;
}

type OfficeCreate = z.output<typeof OfficeCreateSchema>;
type OfficeUpdate = z.output<typeof OfficeUpdateSchema>;
type OfficeListQuery = z.output<typeof OfficeListQuerySchema>;
type DbOrTrx = Parameters<typeof repo.findOffice>[0];

const officeNotFound = (id: string) => new AppError(404, 'problem.officeNotFound', { id });
const officeCodeTaken = (code: string) =>
  new AppError(409, 'problem.officeCodeTaken', { code }, [fieldProblem('code', 'problem.officeCodeTaken', { code })]);


/** Checked here, not only in the route, because the office's agency is known only after loading it. */
export async function loadOwnOffice(db: DbOrTrx, actor: Actor, id: string) {
  const row = await repo.findOffice(db, id);
  // Another agency's office answers as an unknown one, so the answer does not tell that it exists.
  if (!row || row.agency_id !== agencyOf(actor)) throw officeNotFound(id);
  return row;
}

/** Trade Notice 23/2024-25 §3.I.iii: checked again where the value is stored, whatever called us. */
function assertCleanPaymentParams(merchantId: string, checksumKey: string | undefined): void {
  const problems = [
    ...describeIssues(MerchantIdSchema.safeParse(merchantId).error?.issues ?? []).map((p) => ({ ...p, path: 'merchantId' })),
    ...(checksumKey === undefined ? [] : describeIssues(ChecksumKeySchema.safeParse(checksumKey).error?.issues ?? []).map((p) => ({ ...p, path: 'checksumKey' }))),
  ];
  if (problems.length) throw badRequest(problems);
}

const audited: ReadonlyArray<keyof Office> = [
  'name', 'code', 'addressLine1', 'addressLine2', 'city', 'state', 'pinCode', 'phone', 'email', 'gstin', 'merchantId',
  'checksumKeyFingerprint', 'isEWalletEnabled', 'isActive',
];

/** The fields that differ; the key appears only as its fingerprint, under the name users know. */
function changesBetween(before: Partial<Office>, after: Office): FieldChange[] {
  return audited
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field: field === 'checksumKeyFingerprint' ? 'checksumKey (fingerprint)' : field, before: before[field] ?? null, after: after[field] }));
}

export async function listOffices(deps: OfficesDeps, actor: Actor, query: OfficeListQuery): Promise<OfficeList> {
  const { rows, total } = await repo.listOffices(deps.db, agencyOf(actor), query);
  return { offices: rows.map(repo.officeRowToOffice), total, page: query.page, pageSize: query.pageSize };
}

export async function getOffice(deps: OfficesDeps, actor: Actor, id: string): Promise<Office> {
  return repo.officeRowToOffice(await loadOwnOffice(deps.db, actor, id));
}

export async function createOffice(deps: OfficesDeps, actor: Actor, input: OfficeCreate): Promise<Office> {
  const agencyId = agencyOf(actor);
  assertCleanPaymentParams(input.merchantId, input.checksumKey);
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.officeCodeHolder(trx, agencyId, input.code)) throw officeCodeTaken(input.code);
    return addOffice(trx, deps.sealer, actor, agencyId, input);
  });
}

/** The columns an administrator edits, shared by adding and editing; keys and e-wallet are handled apart. */
const editableColumns = (input: OfficeUpdate) => ({
  code: input.code,
  name: input.name,
  address_line1: input.addressLine1,
  address_line2: input.addressLine2,
  city: input.city,
  state: input.state,
  pin_code: input.pinCode,
  phone: input.phone,
  email: input.email,
  gstin: input.gstin,
  merchant_id: input.merchantId,
});

/** Inserts and audits one office in the caller's transaction; the caller has checked the code is free. */
export async function addOffice(trx: Parameters<typeof recordAudit>[0] & DbOrTrx, sealer: SecretSealer, actor: Actor, agencyId: string, input: OfficeCreate): Promise<Office> {
  const id = randomUUID();
  const now = nowIso();
  await repo.insertOffice(trx, {
    id,
    agency_id: agencyId,
    ...editableColumns(input),
    checksum_key_sealed: sealer.seal(input.checksumKey, id),
    checksum_key_fingerprint: sealer.fingerprint(input.checksumKey),
    is_e_wallet_enabled: input.isEWalletEnabled ? 1 : 0,
    e_wallet_changed_at: input.isEWalletEnabled ? now : null,
    e_wallet_changed_by: input.isEWalletEnabled ? actor.id : null,
    is_active: 1,
    stamp_version_id: null,
    created_at: now,
    updated_at: now,
  });
  const office = repo.officeRowToOffice((await repo.findOffice(trx, id))!);
  await recordAudit(trx, { actorId: actor.id, action: 'office.created', subjectType: 'office', subjectId: id, agencyId, details: { changes: changesBetween({}, office) } });
  return office;
}

export async function updateOffice(deps: OfficesDeps, actor: Actor, id: string, input: OfficeUpdate): Promise<Office> {
  assertCleanPaymentParams(input.merchantId, input.checksumKey);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOffice(trx, actor, id);
    const holder = await repo.officeCodeHolder(trx, row.agency_id, input.code);
    if (holder && holder !== id) throw officeCodeTaken(input.code);
    const now = nowIso();
    const isEWalletChanged = (row.is_e_wallet_enabled === 1) !== input.isEWalletEnabled;
    await repo.updateOffice(trx, id, {
      ...editableColumns(input),
      ...(input.checksumKey === undefined
        ? {}
        : { checksum_key_sealed: deps.sealer.seal(input.checksumKey, id), checksum_key_fingerprint: deps.sealer.fingerprint(input.checksumKey) }),
      ...(isEWalletChanged ? { is_e_wallet_enabled: input.isEWalletEnabled ? 1 : 0, e_wallet_changed_at: now, e_wallet_changed_by: actor.id } : {}),
    });
    return finishChange(trx, actor, row, 'office.updated', now);
  });
}

export async function setOfficeEWallet(deps: OfficesDeps, actor: Actor, id: string, isEnabled: boolean): Promise<Office> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOffice(trx, actor, id);
    if ((row.is_e_wallet_enabled === 1) === isEnabled) return repo.officeRowToOffice(row);
    const now = nowIso();
    await repo.updateOffice(trx, id, { is_e_wallet_enabled: isEnabled ? 1 : 0, e_wallet_changed_at: now, e_wallet_changed_by: actor.id });
    return finishChange(trx, actor, row, isEnabled ? 'office.e-wallet-enabled' : 'office.e-wallet-disabled', now);
  });
}

export async function setOfficeActive(deps: OfficesDeps, actor: Actor, id: string, isActive: boolean): Promise<Office> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadOwnOffice(trx, actor, id);
    if ((row.is_active === 1) === isActive) return repo.officeRowToOffice(row);
    const now = nowIso();
    await repo.updateOffice(trx, id, { is_active: isActive ? 1 : 0 });
    // The specimen register cuts the office's stamp out of use while it is closed.
    if (isActive) await repo.endOfficeDeactivation(trx, id, actor.id, now);
    else await repo.beginOfficeDeactivation(trx, { officeId: id, agencyId: row.agency_id, by: actor.id, at: now });
    return finishChange(trx, actor, row, isActive ? 'office.reactivated' : 'office.deactivated', now);
  });
}

/** Stamps updated_at only when something changed, and records exactly what changed. */
type OfficeChangeAction = 'office.updated' | 'office.e-wallet-enabled' | 'office.e-wallet-disabled' | 'office.deactivated' | 'office.reactivated';

async function finishChange(trx: Parameters<typeof recordAudit>[0] & DbOrTrx, actor: Actor, before: Awaited<ReturnType<typeof loadOwnOffice>>, action: OfficeChangeAction, now: string): Promise<Office> {
  const previous = repo.officeRowToOffice(before);
  let office = repo.officeRowToOffice((await repo.findOffice(trx, before.id))!);
  const changes = changesBetween(previous, office);
  if (changes.length === 0) return previous;
  await repo.updateOffice(trx, before.id, { updated_at: now });
  office = { ...office, updatedAt: now };
  await recordAudit(trx, { actorId: actor.id, action, subjectType: 'office', subjectId: before.id, agencyId: before.agency_id, details: { changes } });
  return office;
}

export async function listOfficeAudit(deps: OfficesDeps, actor: Actor, id: string, page: PageQuery): Promise<OfficeAuditList> {
  await loadOwnOffice(deps.db, actor, id);
  const [entries, total] = await Promise.all([listAuditEntries(deps.db, 'office', id, page), countAuditEntries(deps.db, 'office', id)]);
  return { entries, total, ...page };
}

export interface OfficeReference {
  id: string;
  code: string;
  name: string;
  city: string;
  state: string;
  isActive: boolean;
}

/**
 * Offices of one agency by id (all of them when `ids` is left out), as other features refer to them:
 * officers choose and are mapped to these. Unknown or foreign ids are simply absent.
 */
export async function officeReferences(db: Pick<Db, 'selectFrom'>, agencyId: string, ids?: readonly string[]): Promise<OfficeReference[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('offices')
    .select(['id', 'code', 'name', 'city', 'state', 'is_active'])
    .where('agency_id', '=', agencyId);
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, code: row.code, name: row.name, city: row.city, state: row.state, isActive: row.is_active === 1 }));
}
