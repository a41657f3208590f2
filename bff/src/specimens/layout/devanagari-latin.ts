/**
 * Devanagari in Latin letters without diacritics, as Indian names are commonly spelt in English
 * ("अनन्या राव" → "Ananya Rav"): the standard PDF fonts have no Devanagari, and a name printed as
 * its closest Latin spelling can still be read and checked, where question marks cannot. A
 * consonant carries the inherent 'a' unless a vowel sign or virama follows, or it ends a word of
 * more than one letter (Hindi drops it there). Text in other scripts passes through unchanged.
 */
const consonantSpellings: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n', च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n', त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm', य: 'y', र: 'r', ल: 'l', ळ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h', क़: 'q', ख़: 'kh', ग़: 'gh', ज़: 'z', ड़: 'r', ढ़: 'rh', फ़: 'f', य़: 'y',
};
/** Keyed by the NFD spelling: a consonant with nukta is two code points in any normalised text. */
const consonants: Record<string, string> = Object.fromEntries(Object.entries(consonantSpellings).map(([letter, latin]) => [letter.normalize('NFD'), latin]));
const vowels: Record<string, string> = { अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ॐ: 'om' };
const vowelSigns: Record<string, string> = { 'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o' };
const signs: Record<string, string> = { 'ं': 'n', 'ँ': 'n', 'ः': 'h', '।': '.', '॥': '.', ऽ: "'" };
const virama = '्';
const nukta = '़';
const isDevanagari = (character: string | undefined) => character !== undefined && /[\u0900-\u097F]/u.test(character);

export function devanagariInLatin(text: string): string {
  if (!/[\u0900-\u097F]/u.test(text)) return text;
  const characters = [...text];
  let out = '';
  let wordStart = true;
  let lettersInWord = 0;
  for (let index = 0; index < characters.length; index += 1) {
    let character = characters[index]!;
    if (characters[index + 1] === nukta) {
      character += nukta;
      index += 1;
    }
    const consonant = consonants[character.normalize('NFD')] ?? consonants[character[0]!];
    let latin: string | undefined;
    if (consonant !== undefined) {
      const next = characters[index + 1];
      const endsWord = !isDevanagari(next) || signs[next!] === '.';
      if (next === virama) {
        latin = consonant;
        index += 1;
      } else if (next !== undefined && vowelSigns[next] !== undefined) {
        latin = consonant + vowelSigns[next];
        index += 1;
      } else latin = endsWord && lettersInWord > 0 ? consonant : `${consonant}a`;
    } else latin = vowels[character] ?? vowelSigns[character] ?? signs[character] ?? (/[०-९]/u.test(character) ? String(character.charCodeAt(0) - 0x0966) : undefined);
    if (latin === undefined) {
      out += character;
      wordStart = !/\p{L}|\p{M}|\p{N}/u.test(character);
      lettersInWord = wordStart ? 0 : lettersInWord + 1;
      continue;
    }
    out += wordStart && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
    wordStart = false;
    lettersInWord += 1;
  }
  return out;
}
