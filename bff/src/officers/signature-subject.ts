import type { ImageSubjectKind } from '../images/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { AppError } from '../http/problem.ts';
import { recordAudit } from '../audit/record.ts';
import { agencyOf } from '../accounts/index.ts';
import * as repo from './repository.ts';

/**
 * The officer's signature image: only an officer of the actor's agency, and the version becomes
 * the officer's own (officers.signature_version_id); the officer is told by mail, since a signature
 * they did not send would appear on certificates in their name.
 */
export function officerSignatureSubject(mailer: Mailer): ImageSubjectKind {
  return {
    async load(db, actor, userId) {
      const officer = await repo.findOfficer(db, userId);
      // Another agency's officer is refused as an unknown one is, so the answer does not tell that they exist (issue 13, fault 13).
      if (!officer?.email_confirmed_at || officer.status === 'rejected' || officer.agency_id !== agencyOf(actor))
        throw new AppError(404, 'problem.officerNotFound', { id: userId });
      return { id: officer.id, agencyId: officer.agency_id, currentVersionId: officer.signature_version_id };
    },
    async makeCurrent(trx, actor, { subject, versionId, version, previousVersion, at, how }) {
      await repo.updateOfficer(trx, subject.id, { signature_version_id: versionId, updated_at: at });
      await recordAudit(trx, {
        actorId: actor.id,
        action: `officer.signature-${how}`,
        subjectType: 'user',
        subjectId: subject.id,
        agencyId: subject.agencyId,
        details: { changes: [{ field: 'signatureVersion', before: previousVersion, after: version }] },
      });
      const officer = await repo.findOfficer(trx, subject.id);
      if (officer && officer.status !== 'pending') {
        await mailer.queue(trx, officer.email, { subject: 'mail.officerSignature.subject', body: 'mail.officerSignature.body' }, { name: officer.name, agency: actor.agencyName ?? '', version });
      }
      mailer.deliverSoon();
    },
  };
}
