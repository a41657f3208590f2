import type { Router } from 'express';
import { outboxApi } from '@ecoo/shared/outbox/api';
import type { Db } from '../db/connect.ts';
import { AppError } from '../http/problem.ts';
import { mount } from '../http/mount.ts';

/** Development only, and only when mail is kept rather than sent: it shows set-password links to anyone. */
export function outboxRoutes(router: Router, db: Db, isEnabled: boolean): void {
  mount(router, outboxApi.listOutbox, async () => {
    if (!isEnabled) throw new AppError(404, 'problem.outboxDisabled');
    const rows = await db.selectFrom('mails').selectAll().where('status', '=', 'kept').orderBy('created_at', 'desc').limit(100).execute();
    return {
      status: 200,
      body: { mails: rows.map((row) => ({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text, createdAt: row.created_at })) },
    };
  });
}
