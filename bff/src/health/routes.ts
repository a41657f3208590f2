import { Router } from 'express';
import { healthApi } from '@ecoo/shared/health/api';
import type { Config } from '../config.ts';
import { mount } from '../http/mount.ts';

export function healthRoutes(config: Config): Router {
  const router = Router();
  mount(router, healthApi.getHealth, async () => ({ status: 200, body: { status: 'ok', demoData: config.isDemoData, devOutbox: config.isDevOutbox } }));
  return router;
}
