import type { Router } from 'express';
import { specimensApi } from '@ecoo/shared/specimens/api';
import { contentDisposition } from '../http/content-disposition.ts';
import { mount } from '../http/mount.ts';
import { getSpecimen, listSpecimens, requestSpecimen, specimenChoices, specimenPdf, type SpecimensDeps } from './service.ts';

export function specimensRoutes(router: Router, deps: SpecimensDeps): void {
  // Before /:specimenId, which would otherwise take "choices" for an id.
  mount(router, specimensApi.getSpecimenChoices, async ({ actor }) => ({ status: 200, body: await specimenChoices(deps, actor) }));
  mount(router, specimensApi.listSpecimenCertificates, async ({ actor, query }) => ({ status: 200, body: await listSpecimens(deps, actor, query) }));
  mount(router, specimensApi.requestSpecimenCertificate, async ({ actor, body }) => ({ status: 202, body: await requestSpecimen(deps, actor, body) }));
  mount(router, specimensApi.getSpecimenCertificate, async ({ actor, params }) => ({ status: 200, body: await getSpecimen(deps, actor, params.specimenId) }));
  mount(router, specimensApi.downloadSpecimenCertificate, async ({ actor, params, query, res }) => {
    const { bytes, fileName } = await specimenPdf(deps, actor, params.specimenId);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', contentDisposition(query.disposition, fileName));
    if (query.disposition === 'inline') {
      // The preview: only this console's own pages may frame it (as the registration letter), and it runs nothing.
      res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'");
      res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    }
    res.status(200).send(bytes);
    return 'sent';
  });
}
