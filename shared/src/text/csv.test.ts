import { describe, expect, it } from 'vitest';
import { formatCsv, neutraliseFormula, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('splits rows and fields, with CRLF or LF, and skips blank lines', () => {
    expect(parseCsv('a,b\r\nc,d\n\ne,f').rows).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('"Plot 12, MIDC","He said ""hi""","line1\nline2"\n').rows).toEqual([['Plot 12, MIDC', 'He said "hi"', 'line1\nline2']]);
  });

  it('drops the byte-order mark at the start of the file only', () => {
    expect(parseCsv('\uFEFFcode,merchantId\nA1,\uFEFFM1').rows).toEqual([['code', 'merchantId'], ['A1', '\uFEFFM1']]);
  });

  it('keeps spaces as they are: nothing is trimmed', () => {
    expect(parseCsv(' a , b ').rows).toEqual([[' a ', ' b ']]);
  });

  it('reports a quote that is never closed', () => {
    expect(parseCsv('a,"b\nc').error).toMatch(/never closed/);
  });
});

describe('formatCsv', () => {
  it('neutralises every cell a spreadsheet would run as a formula, and nothing else', () => {
    const risky = ['=HYPERLINK("http://x.example","click")', '+91 98200 12345', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    expect(risky.map(neutraliseFormula)).toEqual(risky.map((cell) => `'${cell}`));
    expect(['EIA Mumbai', 'a=b', ' =1', '0', 'मुंबई'].map(neutraliseFormula)).toEqual(['EIA Mumbai', 'a=b', ' =1', '0', 'मुंबई']);
  });

  it('writes a byte-order mark, CRLF rows and quoted fields that parseCsv reads back, formulas neutralised', () => {
    const text = formatCsv([['name', 'count'], ['Plot 12, "MIDC"', 3], ['=cmd|\' /C calc\'!A0', 0]]);
    expect(text.startsWith('\uFEFFname,count\r\n"Plot 12, ""MIDC""",3\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).rows).toEqual([['name', 'count'], ['Plot 12, "MIDC"', '3'], ["'=cmd|' /C calc'!A0", '0']]);
  });
});
