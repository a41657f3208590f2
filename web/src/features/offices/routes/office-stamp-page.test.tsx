import { screen, within, fireEvent } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AcceptResultSchema } from '@ecoo/shared/images/schemas';
import { server } from '../../../testing/msw-server';
import { renderApp } from '../../../testing/render-app';
import { problemResponse } from '../../../testing/problem-response';
import { axeViolations } from '../../../testing/axe';
import { jobStages, uploadedJobId } from '../../../testing/handlers/images';
import { mumbaiOffice } from '../../../testing/handlers/offices';

const stampPage = `/dashboard/offices/${mumbaiOffice.id}/stamp`;
const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'stamp.jpg', { type: 'image/jpeg' });

async function openAndUpload(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByRole('heading', { level: 1, name: `Stamp image: ${mumbaiOffice.name}` });
  await user.upload(await screen.findByLabelText(/^Picture of the stamp/), photo());
  await user.click(screen.getByRole('button', { name: 'Upload and remove background' }));
}

describe('Office stamp page', () => {
  it('shows the versions with the one in use, and an upload form with its limits; axe finds nothing', async () => {
    const { container } = renderApp(stampPage, { role: 'agency-admin' });
    const table = await screen.findByRole('table', { name: /Every accepted stamp image is kept/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['2In use', '1']);
    expect(within(rows[0]!).getByRole('img', { name: 'Stamp image version 2' })).toHaveAttribute('src', `/api/image-versions/${mumbaiOffice.stampVersionId}/renditions/${'2'.repeat(64)}/list-v2.webp`);
    expect(screen.getByLabelText(/^Picture of the stamp/)).toHaveAccessibleDescription(/JPEG, PNG or WebP, at most 15 MB and 40 megapixels/);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('uses an earlier version again from the versions table, and says so', async () => {
    const { user } = renderApp(stampPage, { role: 'agency-admin' });
    const table = await screen.findByRole('table', { name: /Every accepted stamp image is kept/ });
    expect(within(table).queryByRole('button', { name: 'Use version 2 again' })).not.toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Use version 1 again' }));
    const notice = (await screen.findByText('Version 1 is in use again; certificates from now on carry it.')).closest('[role="status"]');
    await expect.poll(() => document.activeElement).toBe(notice);
  });

  it('asks for a picture when none is chosen, and sends nothing', async () => {
    let uploads = 0;
    server.use(http.post('/api/offices/:officeId/stamp/uploads', () => void (uploads += 1)));
    const { user } = renderApp(stampPage, { role: 'agency-admin' });
    await user.click(await screen.findByRole('button', { name: 'Upload and remove background' }));
    expect(await screen.findByText('Choose a picture to upload.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Picture of the stamp/)).toHaveAttribute('aria-invalid', 'true');
    expect(uploads).toBe(0);
  });

  it('shows a refused upload beside the picker, in the BFF’s words', async () => {
    server.use(http.post('/api/offices/:officeId/stamp/uploads', () => problemResponse(415, 'problem.imageType', { detected: 'pdf' })));
    const { user } = renderApp(stampPage, { role: 'agency-admin' });
    await openAndUpload(user);
    expect(await screen.findByText('Upload a JPEG, PNG or WebP picture of the stamp or signature; this file is a PDF document.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Picture of the stamp/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('follows the job from the queue to the review, then accepts the chosen result at the chosen sensitivity', async () => {
    const accepted: unknown[] = [];
    const record = async ({ request }: { request: Request }) => {
      if (request.method === 'POST' && request.url.endsWith('/acceptance')) accepted.push({ url: new URL(request.url).pathname, body: AcceptResultSchema.parse(await request.clone().json()) });
    };
    server.events.on('request:start', record);
    onTestFinished(() => server.events.removeListener('request:start', record));
    const { user, container } = renderApp(stampPage, { role: 'agency-admin' });
    await openAndUpload(user);
    expect(await screen.findByText('Waiting in the queue: 2 pictures ahead of this one.')).toBeInTheDocument();
    expect(await screen.findByText('Removing the background: extracting the ink…', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(await screen.findByText('Background removed. Review the result below.', {}, { timeout: 3000 })).toBeInTheDocument();

    const review = screen.getByRole('region', { name: 'Review the result' });
    expect(within(review).getByRole('radio', { name: 'Ink extraction (chosen automatically)' })).toBeChecked();
    expect(within(review).getByRole('img', { name: 'Original upload' })).toHaveAttribute('src', `/api/image-jobs/${uploadedJobId}/original`);
    expect(within(review).getByRole('img', { name: 'Ink extraction result at sensitivity 50, shown on a checkerboard' })).toBeInTheDocument();
    await user.click(within(review).getByRole('radio', { name: 'Ink extraction within the sheet' }));
    fireEvent.change(within(review).getByRole('slider', { name: 'Sensitivity' }), { target: { value: '72' } });
    expect(within(review).getByRole('img', { name: 'Ink extraction within the sheet result at sensitivity 72, shown on white paper' })).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(review).getByRole('button', { name: 'Accept and use this stamp' }));
    const notice = (await screen.findByText('Version 3 is now the stamp certificates from this office will carry.')).closest('[role="status"]');
    await expect.poll(() => document.activeElement).toBe(notice);
    expect(accepted).toEqual([{ url: `/api/image-jobs/${uploadedJobId}/acceptance`, body: { method: 'ink-on-sheet', sensitivity: 72 } }]);
    expect(screen.queryByRole('region', { name: 'Review the result' })).not.toBeInTheDocument();
  });

  it('says why a job failed and retries it', async () => {
    server.use(http.get('/api/image-jobs/:jobId', ({ params }) =>
      params.jobId === uploadedJobId ? HttpResponse.json({ ...jobStages[0], state: 'failed', jobsAhead: null, failureReason: 'unreadable', finishedAt: '2026-11-20T06:00:00.000Z' }) : undefined,
    ));
    const { user } = renderApp(stampPage, { role: 'agency-admin' });
    await openAndUpload(user);
    const failure = await screen.findByText(/^Background removal failed:/, {}, { timeout: 3000 });
    expect(failure).toHaveTextContent('Background removal failed: the picture is damaged or cannot be read.');
    expect(failure).toHaveAttribute('role', 'alert');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/^Waiting in the queue/)).toBeInTheDocument();
  });
});
