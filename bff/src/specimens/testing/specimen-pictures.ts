import sharp from 'sharp';
import type { SpecimenContent } from '../layout/specimen-pdf.ts';

/**
 * Small stand-ins for accepted versions: PNGs with true alpha (transparent paper, ink of partial
 * opacity at its edges), made here so the layout tests need no background removal.
 */
export async function stampPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="280">
    <circle cx="150" cy="140" r="120" fill="none" stroke="rgb(30,60,170)" stroke-width="14" stroke-opacity="0.85"/>
    <circle cx="150" cy="140" r="90" fill="none" stroke="rgb(30,60,170)" stroke-width="5"/>
    <text x="150" y="150" font-size="34" text-anchor="middle" fill="rgb(30,60,170)">SPECIMEN</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function signaturePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="140">
    <path d="M10 110 C 60 10, 90 10, 120 90 S 190 130, 230 40 S 330 20, 410 100" fill="none" stroke="rgb(10,20,90)" stroke-width="6" stroke-linecap="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** 8-bit RGBA of a PNG, as a PDF viewer would read its samples back. */
export async function rgbaOf(png: Uint8Array): Promise<{ width: number; height: number; rgba: Buffer }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: data };
}

export const sampleRegisterEntryUrl = 'https://console.example.gov.in/register/Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Ng?office=office-1&officer=officer-1&date=2026-12-01';

/** What a job hands the layout for one specimen: an office and officer of a made-up agency, with the pictures above. */
export async function sampleSpecimenContent(): Promise<SpecimenContent> {
  return {
    agencyName: 'Export Inspection Council of India',
    office: { code: 'EIA-KOC-02', name: 'Export Inspection Agency, Kochi', addressLines: ['Ravipuram, M.G. Road', 'Kochi, Kerala 682016'], city: 'Kochi' },
    officer: { name: 'Ananya Rāo', designation: 'Deputy Director' },
    date: '2026-12-01',
    stampPng: await stampPng(),
    signaturePng: await signaturePng(),
    registerEntryUrl: sampleRegisterEntryUrl,
    requestedAt: '2026-12-01T05:30:00.000Z',
  };
}
