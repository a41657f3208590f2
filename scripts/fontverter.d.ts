// fontverter ships no types; this is the part scripts/subset-switch-font.test.ts uses.
declare module 'fontverter' {
  type FontFormat = 'sfnt' | 'truetype' | 'woff' | 'woff2';
  const fontverter: {
    /** The font in another format (woff2 unpacked to an sfnt the HarfBuzz face reads). */
    convert(font: Buffer, toFormat: FontFormat, fromFormat?: FontFormat): Promise<Buffer>;
    detectFormat(font: Buffer): 'sfnt' | 'woff' | 'woff2';
  };
  export default fontverter;
}
