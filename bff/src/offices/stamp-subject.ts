import type { ImageSubjectKind } from '../images/index.ts';
import { recordAudit } from '../audit/record.ts';
import { loadOwnOffice } from './service.ts';

/** The office's stamp image: the office is loaded for its agency, and its stamp_version_id is the office's own column. */
export const officeStampSubject: ImageSubjectKind = {
  async load(db, actor, officeId) {
    const office = await loadOwnOffice(db, actor, officeId);
    return { id: office.id, agencyId: office.agency_id, currentVersionId: office.stamp_version_id };
  },
  async makeCurrent(trx, actor, { subject, versionId, version, previousVersion, at, how }) {
    await trx.updateTable('offices').set({ stamp_version_id: versionId, updated_at: at }).where('id', '=', subject.id).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: `office.stamp-${how}`,
      subjectType: 'office',
      subjectId: subject.id,
      agencyId: subject.agencyId,
      details: { changes: [{ field: 'stampVersion', before: previousVersion, after: version }] },
    });
  },
};
