import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A one-page authorisation letter, for demo data and tests: a real PDF that the letter check parses. */
export async function makeAuthorisationLetterPdf(agencyName: string, personName: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  page.drawText(agencyName, { x: 50, y: 780, size: 16, font: bold });
  page.drawText('(Letterhead - demo)', { x: 50, y: 760, size: 10, font });
  const lines = [
    'To: Directorate General of Foreign Trade, Vanijya Bhawan, New Delhi',
    'Subject: Authorisation of administrator for the eCoO 2.0 system',
    '',
    `We authorise ${personName} to act as administrator of this agency on the`,
    'eCoO 2.0 platform for user management and office management,',
    'as required by Trade Notice No. 23/2024-25.',
    '',
    'Head of Office',
  ];
  lines.forEach((line, index) => page.drawText(line, { x: 50, y: 700 - index * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}
