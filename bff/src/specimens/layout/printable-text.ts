import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SpecimenPrintField } from '@ecoo/shared/specimens/schemas';
import { devanagariInLatin } from './devanagari-latin.ts';

/**
 * The form is drawn with the PDF standard fonts (nothing to embed, a few kilobytes a file), which
 * encode WinAnsi only. An embedded Unicode font would not do for Hindi either: pdf-lib does no
 * shaping, so conjuncts and vowel signs would print in the wrong order and form. Text is therefore
 * printed as close as WinAnsi allows (Devanagari transliterated, an accented letter as its base
 * letter, a letter of another script as '?', emoji and joiners left out), and the specimen says
 * which fields were printed so (`unprintableFields`), so the administrator is never surprised.
 */
const winAnsi: Promise<ReadonlySet<number>> = PDFDocument.create().then((pdf) => new Set(pdf.embedStandardFont(StandardFonts.Helvetica).getCharacterSet()));

/** `text` as the standard fonts can print it, given their character set. */
export function printableWith(characters: ReadonlySet<number>, text: string): string {
  return [...devanagariInLatin(text.normalize('NFC'))]
    .map((character) => {
      if (characters.has(character.codePointAt(0)!)) return character;
      const base = character.normalize('NFKD').replace(/\p{M}/gu, '');
      if (base && [...base].every((part) => characters.has(part.codePointAt(0)!))) return base;
      return /\p{L}|\p{N}/u.test(character) ? '?' : '';
    })
    .join('');
}

export async function printableText(text: string): Promise<string> {
  return printableWith(await winAnsi, text);
}

/** What a specimen prints in each field the administrator's data fills. */
export interface PrintedFields {
  agencyName: string;
  office: { name: string; addressLines: string[]; city: string };
  officer: { name: string; designation: string };
}

/** The fields the certificate cannot print exactly as written (transliterated, or characters left out). */
export async function unprintableFields(content: PrintedFields): Promise<SpecimenPrintField[]> {
  const characters = await winAnsi;
  const exact = (text: string) => printableWith(characters, text) === text.normalize('NFC');
  const fields: [SpecimenPrintField, string[]][] = [
    ['agencyName', [content.agencyName]],
    ['officeName', [content.office.name]],
    ['officeAddress', [...content.office.addressLines, content.office.city]],
    ['officerName', [content.officer.name]],
    ['officerDesignation', [content.officer.designation]],
  ];
  return fields.filter(([, texts]) => !texts.every(exact)).map(([field]) => field);
}
