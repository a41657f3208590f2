import type { z } from 'zod';
import type { Administrator, AdministratorList, AdministratorListQuerySchema } from '@ecoo/shared/administrators/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import { containsText } from '../db/contains-text.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AppError } from '../http/problem.ts';
import { assertEffectiveDate, deactivateAccount, reactivateAccount, revocationsOf, type Actor } from '../accounts/index.ts';

export interface AdministratorsDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

type AdministratorListQuery = z.output<typeof AdministratorListQuerySchema>;

const administrators = (db: Pick<Db, 'selectFrom'>) =>
  db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id').where('users.role', '=', 'agency-admin');

const columns = ['users.id', 'users.name', 'users.email', 'users.status', 'users.created_at', 'users.agency_id', 'agencies.name as agency_name'] as const;
type AdministratorRow = { id: string; name: string; email: string; status: string; created_at: string; agency_id: string | null; agency_name: string };

async function toAdministrators(db: Pick<Db, 'selectFrom'>, rows: AdministratorRow[]): Promise<Administrator[]> {
  const agencyIds = [...new Set(rows.map((row) => row.agency_id).filter((id): id is string => id !== null))];
  const [revocations, activeCounts] = await Promise.all([
    revocationsOf(db, rows.map((row) => row.id)),
    agencyIds.length === 0
      ? Promise.resolve([])
      : administrators(db)
          .select(['users.agency_id', (eb) => eb.fn.countAll<number>().as('count')])
          .where('users.status', '=', 'active')
          .where('users.agency_id', 'in', agencyIds)
          .groupBy('users.agency_id')
          .execute(),
  ]);
  const activeByAgency = new Map(activeCounts.map((row) => [row.agency_id, Number(row.count)]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    agency: { id: row.agency_id!, name: row.agency_name },
    status: row.status === 'active' ? 'active' : 'deactivated',
    createdAt: row.created_at,
    isLastActive: row.status === 'active' && activeByAgency.get(row.agency_id) === 1,
    revocations: revocations.get(row.id) ?? [],
  }));
}

function filtered(db: Pick<Db, 'selectFrom'>, query: Omit<AdministratorListQuery, 'page' | 'pageSize'>) {
  let builder = administrators(db);
  if (query.agencyId) builder = builder.where('users.agency_id', '=', query.agencyId);
  if (query.status) builder = builder.where('users.status', '=', query.status === 'active' ? 'active' : 'disabled');
  if (query.q) {
    const q = query.q;
    builder = builder.where((eb) => containsText(eb, ['users.name', 'users.email'], q));
  }
  return builder;
}

export async function listAdministrators(deps: AdministratorsDeps, query: AdministratorListQuery): Promise<AdministratorList> {
  const [rows, count] = await Promise.all([
    filtered(deps.db, query)
      .select(columns)
      .orderBy('agencies.name')
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    filtered(deps.db, query).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: await toAdministrators(deps.db, rows), total: Number(count.count), page: query.page, pageSize: query.pageSize };
}

async function loadAdministrator(db: Pick<Db, 'selectFrom'>, userId: string): Promise<AdministratorRow> {
  const row = await administrators(db).select(columns).where('users.id', '=', userId).executeTakeFirst();
  if (!row) throw new AppError(404, 'problem.administratorNotFound', { id: userId });
  return row;
}

async function reload(db: Pick<Db, 'selectFrom'>, userId: string): Promise<Administrator> {
  const [administrator] = await toAdministrators(db, [await loadAdministrator(db, userId)]);
  return administrator!;
}

/**
 * DGFT deactivates an administrator (for example on leaving the agency). The agency's last active
 * administrator is kept: without one, nobody could run its offices or approve its officers.
 */
export async function deactivateAdministrator(deps: AdministratorsDeps, actor: Actor, userId: string, input: { effectiveDate: string; reason: string }): Promise<Administrator> {
  if (userId === actor.id) throw new AppError(409, 'problem.deactivateSelf');
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAdministrator(trx, userId);
    if (row.status !== 'active') throw new AppError(409, 'problem.administratorNotActive');
    assertEffectiveDate(input.effectiveDate, row.created_at);
    const others = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('agency_id', '=', row.agency_id)
      .where('role', '=', 'agency-admin')
      .where('status', '=', 'active')
      .where('id', '!=', userId)
      .executeTakeFirstOrThrow();
    if (Number(others.count) === 0) throw new AppError(409, 'problem.lastAdministrator', { name: row.name, agency: row.agency_name });
    const account = { id: userId, email: row.email, name: row.name, agencyId: row.agency_id, agencyName: row.agency_name };
    if (!(await deactivateAccount(trx, deps.mailer, { account, ...input, actorId: actor.id, contact: 'DGFT', auditAction: 'administrator.deactivated', at: nowIso() }))) {
      throw new AppError(409, 'problem.administratorNotActive');
    }
  });
  deps.mailer.deliverSoon();
  return reload(deps.db, userId);
}

export async function reactivateAdministrator(deps: AdministratorsDeps, actor: Actor, userId: string): Promise<Administrator> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadAdministrator(trx, userId);
    const account = { id: userId, email: row.email, name: row.name, agencyId: row.agency_id, agencyName: row.agency_name };
    if (row.status !== 'disabled' || !(await reactivateAccount(trx, deps.mailer, { account, actorId: actor.id, auditAction: 'administrator.reactivated', at: nowIso(), publicUrl: deps.publicUrl }))) {
      throw new AppError(409, 'problem.administratorNotDeactivated');
    }
  });
  deps.mailer.deliverSoon();
  return reload(deps.db, userId);
}
