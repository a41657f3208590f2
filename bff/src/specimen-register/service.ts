import { randomBytes, randomUUID } from 'node:crypto';
import type { ImageRendition } from '@ecoo/shared/images/schemas';
import type { MyRegisterLink, RegisterLink, RegisterQuery, SpecimenRegister, UsePeriod as RegisterPeriod, registerRenditions } from '@ecoo/shared/specimen-register/schemas';
import { agencyOf, type Actor } from '../accounts/index.ts';
import { recordAudit, secretFingerprint } from '../audit/record.ts';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/connect.ts';
import { isUniqueViolation } from '../db/portable.ts';
import { usePeriodsOfAgency, type RenditionStore, type UsePeriod } from '../images/index.ts';
import type { FileStore } from '../storage/files.ts';
import { registerLinkActive, registerLinkNotFound, registerLinkUnknown } from './errors.ts';
import { deactivationSpan, fromApproval, istDay, overlaps, withoutInactivity, type LivedPeriod, type Span } from './periods.ts';
import * as repo from './repository.ts';

export interface SpecimenRegisterDeps {
  db: Db;
  files: FileStore;
  /** The images feature's thumbnails, shared on disk with it. */
  renditions: RenditionStore;
}

/** 256 random bits: far beyond guessing, and short enough (43 characters) for a QR code and an email. */
const newToken = () => randomBytes(32).toString('base64url');

const toLink = (row: repo.LinkRow, createdBy: string): RegisterLink => ({ id: row.id, token: row.token, createdAt: row.created_at, createdBy });

export async function getMyRegisterLink(deps: SpecimenRegisterDeps, actor: Actor): Promise<MyRegisterLink> {
  const row = await repo.findActiveLink(deps.db, agencyOf(actor));
  if (!row) return { link: null };
  const creator = await deps.db.selectFrom('users').select('name').where('id', '=', row.created_by).executeTakeFirst();
  return { link: toLink(row, creator?.name ?? '') };
}

/** One active link per agency: a second one is refused (409) until the first is revoked. */
export async function createRegisterLink(deps: SpecimenRegisterDeps, actor: Actor): Promise<RegisterLink> {
  const agencyId = agencyOf(actor);
  const row: repo.LinkRow = { id: randomUUID(), agency_id: agencyId, token: newToken(), created_by: actor.id, created_at: nowIso(), revoked_by: null, revoked_at: null };
  try {
    await deps.db.transaction().execute(async (trx) => {
      if (await repo.findActiveLink(trx, agencyId)) throw registerLinkActive();
      await repo.insertLink(trx, row);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'specimen-register.link-created',
        subjectType: 'agency',
        subjectId: agencyId,
        agencyId,
        details: { linkId: row.id, tokenFingerprint: secretFingerprint(row.token) },
      });
    });
  } catch (error) {
    // Two administrators at once: the partial unique index lets one link in.
    if (isUniqueViolation(error)) throw registerLinkActive();
    throw error;
  }
  return toLink(row, actor.name);
}

/** The link answers 404 from now on; its row stays, revoked, so the trail's fingerprint still finds it. */
export async function revokeRegisterLink(deps: SpecimenRegisterDeps, actor: Actor, linkId: string): Promise<void> {
  const agencyId = agencyOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findActiveLink(trx, agencyId);
    // Another agency's link, or one revoked already, is unknown here: nothing tells them apart.
    if (!row || row.id !== linkId) throw registerLinkUnknown(linkId);
    if (!(await repo.revokeLink(trx, row.id, actor.id, nowIso()))) throw registerLinkUnknown(linkId);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'specimen-register.link-revoked',
      subjectType: 'agency',
      subjectId: agencyId,
      agencyId,
      details: { linkId: row.id, tokenFingerprint: secretFingerprint(row.token) },
    });
  });
}

async function agencyOfToken(db: Db, token: string): Promise<string> {
  const link = await repo.findActiveLinkByToken(db, token);
  if (!link) throw registerLinkNotFound();
  return link.agency_id;
}

const imagePath = (token: string, versionId: string, size: (typeof registerRenditions)[number]) =>
  `/api/register/${encodeURIComponent(token)}/images/${encodeURIComponent(versionId)}/${size}`;

/** A stored period as the register tells it: why it began (accepted, or a later reinstatement) and ended. */
const lived = (row: UsePeriod): LivedPeriod => ({
  versionId: row.version_id,
  from: row.began_at,
  until: row.ended_at,
  began: row.began_at === row.accepted_at ? 'accepted' : 'reinstated',
  ended: row.ended_at === null ? null : 'replaced',
});

/**
 * The register a token opens: every office's stamps and every officer's signatures with their
 * periods of use, newest first, each marked whether it was in use on the day asked (an IST day).
 */
export async function openRegister(deps: SpecimenRegisterDeps, token: string, query: RegisterQuery): Promise<SpecimenRegister> {
  return registerOf(deps, await agencyOfToken(deps.db, token), token, query);
}

/** The register of the token's agency; with onlySubject, of that office or officer alone (read from the database alone). */
async function registerOf(deps: SpecimenRegisterDeps, agencyId: string, token: string, query: RegisterQuery, onlySubject?: string): Promise<SpecimenRegister> {
  const [agency, rows] = await Promise.all([repo.findAgency(deps.db, agencyId), usePeriodsOfAgency(deps.db, agencyId, onlySubject)]);
  const stampRows = rows.filter((row) => row.purpose === 'office-stamp' && (!query.office || row.subject_id === query.office));
  const signatureRows = rows.filter((row) => row.purpose === 'officer-signature' && (!query.officer || row.subject_id === query.officer));
  const officeIds = [...new Set(stampRows.map((row) => row.subject_id))];
  const officerIds = [...new Set(signatureRows.map((row) => row.subject_id))];
  const [offices, officers, deactivations, officeClosures] = await Promise.all([
    repo.officesWithStamps(deps.db, agencyId, officeIds),
    repo.officersWithSignatures(deps.db, agencyId, officerIds),
    repo.deactivationsOf(deps.db, officerIds),
    repo.officeDeactivationsOf(deps.db, officeIds),
  ]);
  const versions = new Map(rows.map((row) => [row.version_id, row]));
  const day = query.date ? istDay(query.date) : null;
  const present = (periods: LivedPeriod[]): RegisterPeriod[] =>
    periods
      .map((period) => {
        const version = versions.get(period.versionId)!;
        return {
          ...period,
          version: version.version,
          isInUseOnDate: day !== null && overlaps(period, day),
          image: { preview: imagePath(token, period.versionId, 'preview'), list: imagePath(token, period.versionId, 'list'), width: version.width, height: version.height },
        };
      })
      .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
  const bySubject = groupBy([...stampRows, ...signatureRows], (row) => row.subject_id);
  const periodsOf = (subjectId: string) => (bySubject.get(subjectId) ?? []).map(lived);
  const inactivity = groupBy(deactivations, (row) => row.user_id);
  const inactiveSpans = (officerId: string): Span[] => (inactivity.get(officerId) ?? []).map(deactivationSpan);
  const closures = groupBy(officeClosures, (row) => row.office_id);
  const closedSpans = (officeId: string): Span[] => (closures.get(officeId) ?? []).map((row) => ({ from: row.deactivated_at, until: row.reactivated_at }));
  return {
    agency: { name: agency?.name ?? '', code: agency?.code ?? '' },
    date: query.date ?? null,
    offices: offices.map((office) => ({ ...office, stamps: present(withoutInactivity(periodsOf(office.id), closedSpans(office.id), 'office')) })),
    officers: officers.map(({ decided_at: approvedAt, ...officer }) => {
      const sinceApproval = approvedAt ? fromApproval(periodsOf(officer.id), approvedAt) : periodsOf(officer.id);
      return { ...officer, signatures: present(withoutInactivity(sinceApproval, inactiveSpans(officer.id), 'officer')) };
    }),
  };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

const renditionOf: Record<(typeof registerRenditions)[number], ImageRendition> = { preview: 'preview.webp', list: 'list-v2.webp' };

/**
 * A picture the register itself lists, of the token's agency only: another agency's version, a
 * signature of an officer whose request waits or was refused, and a version never in use (replaced
 * before the approval) answer exactly as a bad token does. Whether it is listed is asked of the
 * register of its subject alone, so the rules that decide it are the register's own.
 */
export async function readRegisterImage(deps: SpecimenRegisterDeps, token: string, versionId: string, size: (typeof registerRenditions)[number]): Promise<Buffer> {
  const agencyId = await agencyOfToken(deps.db, token);
  const version = await repo.findAgencyVersion(deps.db, agencyId, versionId);
  if (!version) throw registerLinkNotFound();
  const subjectQuery = version.purpose === 'office-stamp' ? { office: version.subject_id } : { officer: version.subject_id };
  const subjectRegister = await registerOf(deps, agencyId, token, subjectQuery, version.subject_id);
  const listed = [...subjectRegister.offices.flatMap((office) => office.stamps), ...subjectRegister.officers.flatMap((officer) => officer.signatures)];
  if (!listed.some((period) => period.versionId === versionId)) throw registerLinkNotFound();
  return deps.renditions.get(version.png_sha256, renditionOf[size], () => deps.files.get(version.png_sha256));
}
