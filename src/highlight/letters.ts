/**
 * Letter masks: a cheap NECESSARY condition for a token to match a MatchSpec, read from its
 * surface code units without analyzing it, so a snippet analyzes (cache lookup, normalize, stem)
 * only the few tokens that can match.
 *
 * Each tracked letter of a normalized form has a bit: the 28 Arabic letters that survive
 * normalization except ا (in most words, so it says nothing), and a–z, 0–9 folded onto the same
 * 28 bits plus LATIN. A token's mask is the OR of its code units' masks, where a unit's mask is
 * the bits of what normalize() makes of it. A query part's required mask is the bits of its
 * letters; a token can match only if its mask holds them all:
 *  - exact forms: a token's exact form is its units' normalizations concatenated (see SAFE below;
 *    a number only loses separators), so every letter of a matching exact form is in the mask;
 *  - stemmed terms and prefixes: the light stemmer only cuts a normalized word and may turn a
 *    final ت into ة (حكومتها → حكومة, folded to ه), so every letter of the term but ه is in the
 *    exact form: ه is left out of their required masks.
 * Units outside SAFE (NFKC and lowercase slow path: presentation forms, accented Latin, astral
 * characters) mark the token UNSAFE: it is always analyzed. test/highlight/letters.test.ts checks
 * the assumptions against normalize() and the analyzer.
 */
import { normalize } from '../analysis/normalize.ts';

/** Normalized Arabic letters with a bit each (ا is not tracked; ة ى أ إ آ ؤ ئ fold onto these). */
const ARABIC_LETTERS = 'ءبتثجحخدذرزسشصضطظعغفقكلمنهوي';
const LETTER_BITS = ARABIC_LETTERS.length; // 28
const LATIN = 1 << 28;
/** The unit normalizes to something: a token with no such unit has an empty exact form and is dropped. */
export const NONEMPTY = 1 << 29;
/** The token must be analyzed to know anything (negative as an int32). */
export const UNSAFE = 1 << 31;
const HA = 1 << ARABIC_LETTERS.indexOf('ه');

/** Bit of each code unit of a NORMALIZED form (0 when untracked). */
const BIT = new Int32Array(0x10000);
for (let c = 0x61; c <= 0x7a; c++) BIT[c] = LATIN | (1 << ((c - 0x61) % LETTER_BITS));
for (let c = 0x30; c <= 0x39; c++) BIT[c] = LATIN | (1 << ((c - 0x30 + 13) % LETTER_BITS));
for (let k = 0; k < ARABIC_LETTERS.length; k++) BIT[ARABIC_LETTERS.charCodeAt(k)] = 1 << k;

function bitOf(c: number): number {
  return BIT[c]!;
}

/** Bits of the letters of a normalized form. */
function bitsOf(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= bitOf(s.charCodeAt(i));
  return m;
}

/**
 * Code units that normalize() maps one at a time, never through its NFKC slow path: ASCII and C1
 * controls, the Arabic block but U+0653–U+0655, and the invisible controls it deletes (ZWSP–RLM, bidi, BOM, soft hyphen).
 */
export const SAFE_RANGES: readonly (readonly [number, number])[] = [
  // U+0653–U+0655 (madda, hamza above/below) are not: normalize() composes them with the letter before (و + U+0654 → ؤ → ء).
  [0x0000, 0x009f], [0x00ad, 0x00ad], [0x0600, 0x0652], [0x0656, 0x06ff], [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0xfeff, 0xfeff],
];

/** Mask of each UTF-16 code unit. */
export const UNIT_MASK = new Int32Array(0x10000).fill(UNSAFE);
for (const [from, to] of SAFE_RANGES) {
  for (let c = from; c <= to; c++) {
    const n = normalize(String.fromCharCode(c));
    UNIT_MASK[c] = (n.length > 0 ? NONEMPTY : 0) | bitsOf(n);
  }
}

/** Mask of text[start, end). */
export function maskOf(text: string, start: number, end: number): number {
  let m = 0;
  for (let i = start; i < end; i++) m |= UNIT_MASK[text.charCodeAt(i)]!;
  return m;
}

/** Required mask of an exact (normalized, unstemmed) form. */
export function exactRequirement(exact: string): number {
  return bitsOf(exact);
}

/** Required mask of a stemmed term or a prefix (which may also match a term): ه may come from ت. */
export function termRequirement(s: string): number {
  return bitsOf(s) & ~HA;
}
