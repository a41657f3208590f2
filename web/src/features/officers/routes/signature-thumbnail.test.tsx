import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SubjectImagesSchema } from '@ecoo/shared/images/schemas';
import { signatureVersion } from '../../../testing/handlers/images';
import { activeOfficer } from '../../../testing/handlers/officers';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

describe('Signature thumbnail (issue 14)', () => {
  it("the officer's page shows the signature's preview rendition, never the full PNG", async () => {
    server.use(
      http.get('/api/officers/:userId/signature', () => HttpResponse.json(SubjectImagesSchema.parse({ current: signatureVersion, versions: [signatureVersion], latestJob: null }))),
    );
    renderApp(`/dashboard/users/${activeOfficer.id}`, { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: activeOfficer.name });

    const signature = within(screen.getByRole('region', { name: 'Signature image' }));
    expect(await signature.findByRole('img')).toHaveAttribute('src', signatureVersion.thumbnails.preview);
    expect(signature.getByRole('img').getAttribute('src')).not.toMatch(/\/png$/);
    expect([signature.getByRole('img').getAttribute('width'), signature.getByRole('img').getAttribute('height')]).toEqual(['320', '320']);
  });
});
