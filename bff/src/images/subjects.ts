import type { ImagePurpose } from '@ecoo/shared/images/schemas';
import type { Db } from '../db/connect.ts';
import type { Actor } from '../accounts/index.ts';

export type SubjectDb = Pick<Db, 'selectFrom' | 'updateTable' | 'insertInto' | 'getExecutor'>;

/** What an image belongs to: the office whose stamp, or the officer whose signature. */
export interface ImageSubject {
  id: string;
  agencyId: string;
  currentVersionId: string | null;
}

export interface VersionChange {
  subject: ImageSubject;
  versionId: string;
  version: number;
  previousVersion: number | null;
  at: string;
  how: 'accepted' | 'reinstated';
}

/**
 * The feature that owns a kind of subject (offices for stamps, officers for signatures) says how to
 * load it for an actor and how a version becomes its current image. The images feature keeps the
 * uploads, jobs and versions, and never writes the subjects' own tables.
 */
export interface ImageSubjectKind {
  /** Refuses another agency's subject (403) and an unknown one (404). */
  load(db: SubjectDb, actor: Actor, subjectId: string): Promise<ImageSubject>;
  /** Points the subject at the version and records it in the subject's history, in the caller's transaction. */
  makeCurrent(trx: SubjectDb, actor: Actor, change: VersionChange): Promise<void>;
}

export type ImageSubjects = Record<ImagePurpose, ImageSubjectKind>;
