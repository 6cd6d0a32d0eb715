/**
 * Light stemmer for normalized Arabic (input already folded by normalize.ts: أإآٱ→ا, ى→ي, ؤ→و,
 * ئ→ي). The ta marbuta may be folded (ه) or not (ة): the analyzer stems the unfolded form, so the
 * stemmer can tell حكومته (حكومة + ه) from ثابتة, and folds ة→ه in the result. Starts from light10 (Larkey, Ballesteros & Connell 2007; Lucene's
 * ArabicStemmer) and adds, each switchable so eval/stemmer-experiment.ts can measure it:
 *  - proclitics: و/ف + ب/ك/ل before the article (وبال، فبال، وكال، فكال، ولل، فلل);
 *  - enclitics: pronoun suffixes هما كما هم هن كم كن نا, and the ta marbuta a pronoun hides
 *    restored (حكومتهم، حكومتها → حكومة, so they stem like حكومة);
 *  - guards: words that look affixed but are not (عمان، لبنان، وزارة، ...), see stem-guards.ts.
 * Rules are data; the logic is two small loops. Works on UTF-16 code units (all Arabic letters
 * are in the BMP).
 */
import { PROTECTED_WORDS, WAW_INITIAL_WORDS } from './stem-guards.ts';

export interface StemOptions {
  /** و/ف + ب/ك/ل + article combinations beyond light10. Default true. */
  proclitics?: boolean;
  /** Pronoun enclitics هما كما هم هن كم كن نا. Default true. */
  enclitics?: boolean;
  /** Protected names and و-initial words. Default true. */
  guards?: boolean;
}

/** [prefix, letters that must remain]. Longest first; the first that matches is removed, one only. */
type PrefixRule = readonly [prefix: string, minRemaining: number];

/** light10: ال وال بال كال فال لل need ≥ 2 letters left; و needs a word of ≥ 4 letters. */
const LIGHT10_PREFIXES: readonly PrefixRule[] = [
  ['وال', 2], ['بال', 2], ['كال', 2], ['فال', 2], ['لل', 2], ['ال', 2], ['و', 3],
];

/** Proclitic combinations before the article (same minimum as light10's article prefixes). */
const PROCLITIC_PREFIXES: readonly PrefixRule[] = [
  ['وبال', 2], ['فبال', 2], ['وكال', 2], ['فكال', 2], ['ولل', 2], ['فلل', 2],
];

/** light10 suffixes in Lucene's order; each tried once, several may go; each must leave ≥ 2 letters. */
const LIGHT10_SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'];
const SUFFIX_MIN_REMAINING = 2;

/** [enclitic, letters that must remain]: one is removed, before the light10 suffixes. */
const ENCLITICS: readonly (readonly [string, number])[] = [
  ['هما', 3], ['كما', 3], ['هم', 3], ['هن', 3], ['كم', 4], ['كن', 4], ['نا', 3],
];

const TEH = 'ت';
const TA_MARBUTA = 'ة';

/**
 * Pronoun suffixes after which a ت is a ta marbuta written open (حكومتها = حكومة + ها).
 * Not ي: after ت it is mostly the nisba (الكويتي), not "my".
 */
const PRONOUNS_AFTER_TA: readonly string[] = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها', 'ه'];

function sortLongestFirst(rules: PrefixRule[]): PrefixRule[] {
  return rules.sort((a, b) => b[0].length - a[0].length);
}

const PREFIXES_BASE = sortLongestFirst([...LIGHT10_PREFIXES]);
const PREFIXES_PROCLITIC = sortLongestFirst([...PROCLITIC_PREFIXES, ...LIGHT10_PREFIXES]);

function stripPrefix(w: string, rules: readonly PrefixRule[], guards: boolean): string {
  for (const [p, min] of rules) {
    if (w.length - p.length >= min && w.startsWith(p)) {
      // A single و that belongs to the word (وزارة، وطن، وقت ...) stays.
      if (guards && p === 'و' && startsWithWawWord(w)) return w;
      return w.slice(p.length);
    }
  }
  return w;
}

/** True when `w` (starting with و) is a و-initial word, possibly with suffixes. */
function startsWithWawWord(w: string): boolean {
  if (WAW_INITIAL.has(w)) return true;
  return WAW_INITIAL.has(stripSuffixes(restoreTaMarbuta(w) ?? stripEnclitic(w), false));
}

/**
 * حكومتهم → حكومة, وظيفتها → وظيفة: a pronoun after a ت that was a ta marbuta. The rest must keep
 * ≥ 4 letters (بيته stays بيت + ه) and not end in ات (سياراتها is a plural). Null when not so.
 */
function restoreTaMarbuta(w: string): string | null {
  for (const p of PRONOUNS_AFTER_TA) {
    if (!w.endsWith(p)) continue;
    const rest = w.length - p.length;
    if (rest >= 4 && w[rest - 1] === TEH && w[rest - 2] !== 'ا') return w.slice(0, rest - 1) + TA_MARBUTA;
  }
  return null;
}

function stripEnclitic(w: string): string {
  for (const [e, min] of ENCLITICS) {
    if (w.length - e.length >= min && w.endsWith(e)) return w.slice(0, -e.length);
  }
  return w;
}

function stripSuffixes(w: string, guards: boolean): string {
  for (const s of LIGHT10_SUFFIXES) {
    if (guards && PROTECTED_STEMS.has(w)) return w;
    if (w.length - s.length >= SUFFIX_MIN_REMAINING && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}

/**
 * Every spelling the stemmer may see for a list entry: hamza seats as written, folded to letters or
 * to ء (normalize's `hamzaSeats`), and a final ه also as ة (the analyzer stems the ة-unfolded form).
 */
function spellings(w: string): string[] {
  const seats = [w, w.replace(/ؤ/g, 'و').replace(/ئ/g, 'ي'), w.replace(/[ؤئ]/g, 'ء')];
  return [...new Set(seats.flatMap((v) => (v.endsWith('ه') ? [v, v.slice(0, -1) + TA_MARBUTA] : [v])))];
}

const PROTECTED_STEMS: ReadonlySet<string> = new Set(PROTECTED_WORDS.flatMap(spellings));
/** و-initial words after suffix stripping (وزاره → وزار), so inflected forms match too. */
const WAW_INITIAL: ReadonlySet<string> = new Set(WAW_INITIAL_WORDS.flatMap(spellings).map((w) => stripSuffixes(w, false)));

/** Stems one normalized Arabic word. Words of ≤ 2 letters and protected words are returned as is. */
export function lightStem(word: string, opts: StemOptions = {}): string {
  if (word.length <= 2) return word;
  const guards = opts.guards ?? true;
  if (guards && PROTECTED_STEMS.has(word)) return word;
  let w = stripPrefix(word, (opts.proclitics ?? true) ? PREFIXES_PROCLITIC : PREFIXES_BASE, guards);
  if (guards && PROTECTED_STEMS.has(w)) return w;
  if (opts.enclitics ?? true) w = restoreTaMarbuta(w) ?? stripEnclitic(w);
  return stripSuffixes(w, guards);
}
