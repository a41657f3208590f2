import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mumbaiOffice } from '../../../testing/handlers/offices';
import { renderApp } from '../../../testing/render-app';

const fullPng = /\/api\/image-versions\/[^/]+\/png$/;

describe('Stamp thumbnails (issue 14)', () => {
  it('the office list shows the list rendition the BFF names with its size, never the full PNG', async () => {
    renderApp('/dashboard/offices', { role: 'agency-admin' });
    const row = within((await screen.findByRole('rowheader', { name: mumbaiOffice.name })).closest('tr') as HTMLElement);

    const thumbnail = row.getByRole('img');
    expect(thumbnail).toHaveAttribute('src', mumbaiOffice.stampThumbnails!.list);
    expect(thumbnail.getAttribute('src')).toMatch(/^\/api\/image-versions\/[^/]+\/renditions\/[0-9a-f]{64}\/list-v2\.webp$/);
    // The rendition's own pixels, always the same box: the page keeps its place for it before it loads.
    expect([thumbnail.getAttribute('width'), thumbnail.getAttribute('height')]).toEqual(['256', '128']);
    for (const image of screen.getAllByRole('img')) expect(image.getAttribute('src')).not.toMatch(fullPng);
  });

  it("the office's page shows the preview rendition in its stamp section", async () => {
    renderApp(`/dashboard/offices/${mumbaiOffice.id}`, { role: 'agency-admin' });
    await screen.findByRole('heading', { level: 1, name: mumbaiOffice.name });

    const stamp = within(screen.getByRole('region', { name: 'Office stamp' }));
    expect(stamp.getByRole('img')).toHaveAttribute('src', mumbaiOffice.stampThumbnails!.preview);
    // Sized before it loads: the preview's box (it is fitted inside 320 × 320).
    expect([stamp.getByRole('img').getAttribute('width'), stamp.getByRole('img').getAttribute('height')]).toEqual(['320', '320']);
  });
});
