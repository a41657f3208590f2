import type { Router } from 'express';
import { dscApi } from '@ecoo/shared/dsc/api';
import { mount } from '../http/mount.ts';
import { dscRefusal } from './verification/refusal.ts';
import { expiringDscs, myDsc, newChallenge, officerDsc, registerDsc, type DscDeps } from './service.ts';

export function dscRoutes(router: Router, deps: DscDeps): void {
  mount(router, dscApi.issueDscChallenge, async ({ actor }) => ({ status: 201, body: await newChallenge(deps, actor) }));
  mount(router, dscApi.registerDsc, async ({ actor, body, files }) => {
    if (!files.signature) throw dscRefusal('signatureMissing');
    const proof = { challenge: body.challenge, signature: files.signature.buffer, certificate: files.certificate?.buffer };
    return { status: 201, body: await registerDsc(deps, actor, proof) };
  });
  mount(router, dscApi.getMyDsc, async ({ actor }) => ({ status: 200, body: await myDsc(deps, actor) }));
  mount(router, dscApi.getOfficerDsc, async ({ actor, params }) => ({ status: 200, body: await officerDsc(deps, actor, params.userId) }));
  mount(router, dscApi.listExpiringDscs, async ({ actor }) => ({ status: 200, body: await expiringDscs(deps, actor) }));
}
