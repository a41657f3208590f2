import QRCode from 'qrcode';

/**
 * The register entry's address as a QR code PNG. Level M (15 % of the code may be lost) survives a
 * fold or a smudge on a printed page while keeping the modules large enough at 25 mm for a phone
 * held at arm's length; the four-module quiet zone is the standard's, which scanners need.
 */
export function registerEntryQrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6, color: { dark: '#000000ff', light: '#ffffffff' } });
}
