import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

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
