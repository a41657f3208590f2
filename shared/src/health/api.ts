import { z } from 'zod';
import { defineEndpoints, publicAccess } from '../http/endpoint.ts';

export const HealthSchema = z.object({ status: z.literal('ok'), demoData: z.boolean(), devOutbox: z.boolean() });
export type Health = z.infer<typeof HealthSchema>;

export const healthApi = defineEndpoints({
  getHealth: {
    method: 'get',
    path: '/api/health',
    summary: 'Whether the console is up, and which development aids are on',
    tag: 'health',
    access: publicAccess,
    responses: { 200: HealthSchema },
  },
});
