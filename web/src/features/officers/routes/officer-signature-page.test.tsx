import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { BackgroundJobSchema, SubjectImagesSchema } from '@ecoo/shared/images/schemas';
import { axeViolations } from '../../../testing/axe';
import { jobStages, signatureVersion } from '../../../testing/handlers/images';
import { activeOfficer } from '../../../testing/handlers/officers';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';

const signaturePage = `/dashboard/users/${activeOfficer.id}/signature`;
const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'signature.jpg', { type: 'image/jpeg' });


describe('Officer signature page', () => {
  it('shows the signature versions and an upload form; axe finds nothing', async () => {
    server.use(http.get('/api/officers/:userId/signature', () => HttpResponse.json(SubjectImagesSchema.parse({ current: signatureVersion, versions: [signatureVersion], latestJob: null }))));
    renderApp(signaturePage, { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: `Signature image: ${activeOfficer.name}` }, { timeout: 3000 });

    const versions = within(await screen.findByRole('region', { name: 'Accepted versions' }));
    expect(versions.getByRole('table', { name: /^Every accepted signature image is kept/ })).toBeInTheDocument();
    expect(versions.getByRole('img', { name: 'Signature image version 1' })).toHaveAttribute('src', `/api/image-versions/${signatureVersion.id}/renditions/${'c'.repeat(64)}/list-v2.webp`);
    expect(versions.getByRole('img', { name: 'Signature image version 1' })).toHaveAttribute('width', '256');
    expect(versions.getByRole('img', { name: 'Signature image version 1' })).toHaveAttribute('height', '128');
    expect(screen.getByLabelText(/^Picture of the signature/)).toHaveAccessibleDescription(/JPEG, PNG or WebP, at most 15 MB.*Photograph the signature straight on/);
    expect(document.body).not.toHaveTextContent(/stamp/i);
    expect(screen.getByRole('link', { name: activeOfficer.name })).toHaveAttribute('href', `/dashboard/users/${activeOfficer.id}`);
    expect(await axeViolations()).toEqual([]);
  });

  it('uploads a picture to the officer’s signature and follows its job', async () => {
    const uploads: string[] = [];
    const job = BackgroundJobSchema.parse({ ...jobStages[0], purpose: 'officer-signature', subjectId: activeOfficer.id, fileName: 'signature.jpg' });
    server.use(
      http.post('/api/officers/:userId/signature/uploads', ({ params }) => {
        uploads.push(String(params.userId));
        return HttpResponse.json(job, { status: 202 });
      }),
    );
    const { user } = renderApp(signaturePage, { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: `Signature image: ${activeOfficer.name}` }, { timeout: 3000 });

    await user.upload(await screen.findByLabelText(/^Picture of the signature/), photo());
    await user.click(screen.getByRole('button', { name: 'Upload and remove background' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Background removal' })).toBeInTheDocument();
    expect(uploads).toEqual([activeOfficer.id]);
  });
});
