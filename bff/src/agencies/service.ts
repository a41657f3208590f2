import { randomUUID } from 'node:crypto';
import type { Agency } from '@ecoo/shared/agencies/schemas';
import type { z } from 'zod';
import type { AgencyInputSchema } from '@ecoo/shared/agencies/schemas';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import { AppError } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../accounts/index.ts';
import * as repo from './repository.ts';

type AgencyInput = z.output<typeof AgencyInputSchema>;

export const agencyNotFound = () => new AppError(404, 'problem.agencyNotFound');
const agencyCodeTaken = (code: string) => new AppError(409, 'problem.agencyCodeTaken', { code });

export const listAgencies = (db: Db) => repo.listAgencies(db);

export async function findAgencyOrThrow(db: Parameters<typeof repo.findAgency>[0], id: string): Promise<Agency> {
  const agency = await repo.findAgency(db, id);
  if (!agency) throw agencyNotFound();
  return agency;
}

export async function createAgency(db: Db, actor: Actor | null, input: AgencyInput, options: { isDemo?: boolean } = {}): Promise<Agency> {
  return db.transaction().execute(async (trx) => {
    if (await repo.findAgencyIdByCode(trx, input.code)) throw agencyCodeTaken(input.code);
    const now = nowIso();
    const id = randomUUID();
    await repo.insertAgency(
      trx,
      { id, code: input.code, name: input.name, certifies: input.certifies, is_demo: options.isDemo ? 1 : 0, created_at: now, updated_at: now },
      input.emailDomains,
    );
    await recordAudit(trx, { actorId: actor?.id ?? null, action: 'agency.created', subjectType: 'agency', subjectId: id, agencyId: id, details: { after: input } });
    return findAgencyOrThrow(trx, id);
  });
}

export async function updateAgency(db: Db, actor: Actor, id: string, input: AgencyInput): Promise<Agency> {
  return db.transaction().execute(async (trx) => {
    const before = await findAgencyOrThrow(trx, id);
    const holder = await repo.findAgencyIdByCode(trx, input.code);
    if (holder && holder !== id) throw agencyCodeTaken(input.code);
    await repo.updateAgency(trx, id, { code: input.code, name: input.name, certifies: input.certifies, updated_at: nowIso() }, input.emailDomains);
    const after = await findAgencyOrThrow(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'agency.updated',
      subjectType: 'agency',
      subjectId: id,
      agencyId: id,
      details: { before: { code: before.code, name: before.name, certifies: before.certifies, emailDomains: before.emailDomains }, after: input },
    });
    return after;
  });
}
