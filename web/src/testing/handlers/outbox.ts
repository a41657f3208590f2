import { http, HttpResponse } from 'msw';
import { OutboxSchema } from '@ecoo/shared/outbox/api';

export const setPasswordLink = 'http://localhost:8080/set-password#token=AbCdEf0123456789AbCdEf0123456789';

export const outboxFixture = OutboxSchema.parse({
  mails: [
    {
      id: 'mail-2',
      to: 'meera.nair@mpeda.gov.in',
      subject: 'Your eCoO 2.0 administrator account for Marine Products Export Development Authority (MPEDA) is active',
      text: `Dear Meera Nair,\n\nSet your password with this link. It works once, within 24 hours:\n${setPasswordLink}\n\nDirectorate General of Foreign Trade`,
      createdAt: '2026-11-22T10:15:00.000Z',
    },
  ],
});

export const outboxHandlers = [http.get('/api/dev/outbox', () => HttpResponse.json(outboxFixture))];
