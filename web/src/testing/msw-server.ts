import { setupServer } from 'msw/node';
import { accountsHandlers } from './handlers/accounts';
import { agenciesHandlers } from './handlers/agencies';
import { healthHandlers } from './handlers/health';
import { officesHandlers } from './handlers/offices';
import { officersHandlers } from './handlers/officers';
import { dscHandlers } from './handlers/dsc';
import { administratorsHandlers } from './handlers/administrators';
import { imagesHandlers } from './handlers/images';
import { outboxHandlers } from './handlers/outbox';
import { readinessHandlers } from './handlers/readiness';
import { auditHandlers } from './handlers/audit';
import { specimenRegisterHandlers } from './handlers/specimen-register';
import { specimensHandlers } from './handlers/specimens';
import { registrationsHandlers } from './handlers/registrations';

/** Happy paths only; a test changes them with server.use, and any request without a handler fails it. */
export const server = setupServer(...healthHandlers, ...accountsHandlers, ...agenciesHandlers, ...registrationsHandlers, ...officesHandlers, ...officersHandlers, ...dscHandlers, ...administratorsHandlers, ...readinessHandlers, ...auditHandlers, ...specimensHandlers, ...specimenRegisterHandlers, ...imagesHandlers(), ...outboxHandlers);
