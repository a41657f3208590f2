import { z } from 'zod';
import { defineEndpoints, publicAccess } from '../http/endpoint.ts';
import { InstantSchema } from '../common/fields.ts';

export const OutboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: InstantSchema,
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;
export const OutboxSchema = z.object({ mails: z.array(OutboxMailSchema) });
export type Outbox = z.infer<typeof OutboxSchema>;

export const outboxApi = defineEndpoints({
  listOutbox: {
    method: 'get',
    path: '/api/dev/outbox',
    summary: 'Development only: mail kept because no SMTP server is configured, newest first',
    tag: 'development',
    access: publicAccess,
    responses: { 200: OutboxSchema },
    problems: [404],
  },
});
