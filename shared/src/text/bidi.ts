/**
 * Bidirectional controls: the embeddings and overrides (U+202A–U+202E), the isolates (U+2066–U+2069)
 * and the marks (U+200E, U+200F, U+061C). In a file name shown to a person they only deceive:
 * "stamp\u202Egnp.exe" reads as "stampexe.png". They are taken out wherever a name is stored or shown.
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}
