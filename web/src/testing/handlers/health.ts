import { http, HttpResponse } from 'msw';
import { HealthSchema } from '@ecoo/shared/health/api';

export const healthFixture = HealthSchema.parse({ status: 'ok', demoData: true, devOutbox: true });

export const healthHandlers = [http.get('/api/health', () => HttpResponse.json(healthFixture))];
