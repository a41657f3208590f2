/** PEM armour: the blocks of a text file (label and DER), and DER written back as PEM. */
const pemBlock = /-----BEGIN ([A-Z0-9 #]+)-----([\s\S]*?)-----END \1-----/g;

export function pemBlocks(text: string): Array<{ label: string; der: Buffer }> {
  return [...text.matchAll(pemBlock)].map(([, label, body]) => ({ label: label!, der: Buffer.from(body!.replace(/\s+/g, ''), 'base64') }));
}

export const pemOf = (label: string, der: ArrayBuffer | Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der as ArrayBuffer).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END ${label}-----\n`;

/** The DER of the first block of a PEM file with that label. */
export function derOfPemFile(text: string, label: string): Buffer {
  const block = pemBlocks(text).find((candidate) => candidate.label === label);
  if (!block) throw new Error(`no ${label} block`);
  return block.der;
}
