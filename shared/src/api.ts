import { accountsApi } from './accounts/api.ts';
import { agenciesApi } from './agencies/api.ts';
import { healthApi } from './health/api.ts';
import { officesApi } from './offices/api.ts';
import { outboxApi } from './outbox/api.ts';
import { imagesApi } from './images/api.ts';
import { registrationsApi } from './registrations/api.ts';
import { officersApi } from './officers/api.ts';
import { administratorsApi } from './administrators/api.ts';
import { dscApi } from './dsc/api.ts';
import { readinessApi } from './readiness/api.ts';
import { auditApi } from './audit/api.ts';
import { specimensApi } from './specimens/api.ts';
import { specimenRegisterApi } from './specimen-register/api.ts';

/** The whole route table: operationId → endpoint. */
export const api = { ...healthApi, ...accountsApi, ...agenciesApi, ...registrationsApi, ...officesApi, ...imagesApi, ...officersApi, ...administratorsApi, ...dscApi, ...readinessApi, ...auditApi, ...specimensApi, ...specimenRegisterApi, ...outboxApi };
export type Api = typeof api;
export type OperationId = keyof Api;
