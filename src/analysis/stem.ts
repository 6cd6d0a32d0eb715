/**
 * Light stemmer for normalized Arabic (input is already folded: ة→ه, أإآ→ا, ى→ي).
 * Starts from light10 (Larkey, Ballesteros & Connell; Lucene's ArabicStemmer), then adds the
 * single-letter proclitics ب ف ك ل before ال and pronoun enclitics, with guards against stripping
 * short words and names. Rules are data; the logic is two small loops.
 */

/** Prefixes, longest first; the first that matches (and leaves enough letters) is removed. */
const PREFIXES: readonly (readonly [string, number])[] = [
  // [prefix, minimum letters that must remain]
  ['وبال', 3],
  ['فبال', 3],
  ['وكال', 3],
  ['ولل', 2],
  ['فلل', 2],
  ['وال', 2],
  ['فال', 2],
  ['بال', 2],
  ['كال', 2],
  ['لل', 2],
  ['ال', 2],
];

/** Suffixes of light10 in order, each tried once; several may go (each must leave ≥ 2 letters). */
const SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'يه', 'ه', 'ي'];

/** Pronoun enclitics beyond light10, tried first (must leave ≥ 3 letters). */
const ENCLITICS: readonly string[] = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا'];

export function lightStem(word: string): string {
  let w = word;
  if (w.length <= 2) return w;
  // Definite article and its clitic combinations.
  let strippedArticle = false;
  for (const [p, min] of PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= min) {
      w = w.slice(p.length);
      strippedArticle = true;
      break;
    }
  }
  // Conjunction و (word of ≥ 4 letters), as light10.
  if (!strippedArticle && w.length >= 4 && (w[0] === 'و' || w[0] === 'ف')) {
    w = w.slice(1);
  }
  if (!strippedArticle) {
    // Enclitic pronouns: كتابهم → كتاب.
    for (const e of ENCLITICS) {
      if (w.endsWith(e) && w.length - e.length >= 3) {
        w = w.slice(0, -e.length);
        break;
      }
    }
  }
  for (const s of SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  }
  return w;
}
