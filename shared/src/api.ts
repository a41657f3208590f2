import { accountsApi } from './accounts/api.ts';
import { agenciesApi } from './agencies/api.ts';
import { healthApi } from './health/api.ts';
import { officesApi } from './offices/api.ts';
import { outboxApi } from './outbox/api.ts';
import { imagesApi } from './images/api.ts';
import { registrationsApi } from './registrations/api.ts';

/** The whole route table: operationId → endpoint. */
export const api = { ...healthApi, ...accountsApi, ...agenciesApi, ...registrationsApi, ...officesApi, ...imagesApi, ...outboxApi };
export type Api = typeof api;
export type OperationId = keyof Api;
