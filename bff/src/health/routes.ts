import type { Router } from 'express';
import { healthApi } from '@ecoo/shared/health/api';
import type { Config } from '../config.ts';
import { mount } from '../http/mount.ts';

export function healthRoutes(router: Router, config: Config): void {
  mount(router, healthApi.getHealth, async () => ({ status: 200, body: { status: 'ok', demoData: config.isDemoData, devOutbox: config.isDevOutbox } }));
}
