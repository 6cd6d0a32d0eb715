/**
 * Arabic normalizer: folds the spelling variants of real news text onto one form.
 * Rules (one row each in test/analysis/normalize.test.ts; see ../shared/docs/arabic-analysis.md §2):
 *  - compatibility forms (presentation forms U+FB50–U+FDFF, U+FE70–U+FEFF, lam-alef ligatures) → NFKC
 *  - marks U+0610–U+061A, U+064B–U+065F, U+0670, U+06D6–U+06ED → deleted
 *  - tatweel U+0640 → deleted
 *  - invisible controls (U+200B–U+200F, U+061C, U+202A–U+202E, U+2066–U+2069, U+FEFF, U+00AD) → deleted
 *  - alef forms آ أ إ ٱ (U+0622, U+0623, U+0625, U+0671) → ا U+0627
 *  - ya forms ى U+0649, ی U+06CC, ې U+06D0 → ي U+064A
 *  - Persian kaf ک U+06A9 → ك U+0643
 *  - ta marbuta ة U+0629 → ه U+0647 (option `foldTaMarbuta`); ha forms ۀ U+06C0, ہ U+06C1, ە U+06D5 → ه always
 *  - madda/hamza marks U+0653–U+0655 after a letter compose with it first (NFKC: و + U+0654 → ؤ)
 *  - hamza on seats ؤ U+0624, ئ U+0626 → ء U+0621 (or → و, ي; or kept)       (option `hamzaSeats`)
 *  - digits ٠–٩ U+0660–U+0669 and ۰–۹ U+06F0–U+06F9 → 0–9
 *  - Latin → lowercase (after NFKC, so full-width letters fold too)
 * Pure and idempotent: normalize(normalize(s)) === normalize(s).
 */

export interface NormalizeOptions {
  /** ة → ه. Default true. (ۀ ہ ە → ه always: the stemmer reads them as ه, not as ة.) */
  foldTaMarbuta?: boolean;
  /**
   * آ → ا. Default true. The analyzer stems with it off: a word-initial آ is never the article,
   * so آلية must not lose «ال» (it would stem to يه while الآلية stems to ال).
   */
  foldAlefMadda?: boolean;
  /**
   * Hamza on a seat: 'letters' folds ؤ → و and ئ → ي (Snowball, ICU: مسؤول ≡ مسوول);
   * 'hamza' folds both to ء (مسؤول ≡ مسئول, اسماؤه ≡ اسماء); 'keep' leaves them (Lucene).
   * Default 'hamza' (best or tied on every figure with the 71k distractors, docs/design/analysis.md).
   */
  hamzaSeats?: 'letters' | 'hamza' | 'keep';
}

const KEEP = 0;
const DELETE = -1;
/** Compatibility forms, other cased scripts, surrogates: the rare slow path (NFKC + lowercase). */
const SLOW = -2;

/** Builds the per-code-unit table: KEEP, DELETE, SLOW, or the replacement code unit. */
function buildTable(opts: Required<NormalizeOptions>): Int32Array {
  const t = new Int32Array(0x10000);
  const set = (v: number, from: number, to = from) => {
    for (let c = from; c <= to; c++) t[c] = v;
  };
  const map = (to: number, ...from: number[]) => {
    for (const c of from) t[c] = to;
  };
  // Slow path first; the exact rules below override it where they apply.
  set(SLOW, 0x00a0, 0x05ff); // Latin-1 (ª ² ¼ …), Latin extended, Greek, Cyrillic, Armenian, Hebrew
  set(SLOW, 0x1e00, 0x1fff); // Latin extended additional, Greek extended
  set(SLOW, 0x2070, 0x24ff); // super/subscripts, letterlike (K Kelvin), number forms (Ⅻ), enclosed (①)
  set(SLOW, 0xd800, 0xdfff); // surrogates: mathematical alphanumerics 𝐀, enclosed supplements
  set(SLOW, 0xf900, 0xffef); // CJK compat, Latin ligatures ﬁ, Arabic presentation forms A/B, full-width
  set(DELETE, 0x0610, 0x061a); // Quranic annotation signs
  set(DELETE, 0x064b, 0x065f); // harakat, tanween, shadda, sukun, hamza/madda above-below marks
  // Madda/hamza above/below typed as marks (decomposed, NFD: و + U+0654): NFKC composes them with
  // their letter first (ؤ ئ أ إ آ), so a decomposed seat folds like a composed one; leftovers are deleted.
  set(SLOW, 0x0653, 0x0655);
  set(DELETE, 0x0670); // superscript alef
  set(DELETE, 0x06d6, 0x06ed); // Quranic marks (U+06DD end of ayah, U+06DE rub el hizb included)
  set(DELETE, 0x0640); // tatweel
  set(DELETE, 0x200b, 0x200f); // ZWSP, ZWNJ, ZWJ, LRM, RLM
  set(DELETE, 0x061c); // ALM
  set(DELETE, 0x202a, 0x202e); // bidi embeddings and overrides
  set(DELETE, 0x2066, 0x2069); // bidi isolates
  set(DELETE, 0xfeff); // BOM / ZWNBSP
  set(DELETE, 0x00ad); // soft hyphen
  map(0x0627, 0x0623, 0x0625, 0x0671); // أ إ ٱ → ا
  if (opts.foldAlefMadda) map(0x0627, 0x0622); // آ → ا
  map(0x064a, 0x0649, 0x06cc, 0x06d0); // ى ی ې → ي
  map(0x0643, 0x06a9); // Persian kaf ک → ك
  // ۀ ہ ە are ه on Persian/Urdu/Kurdish keyboards: always ه (the stemmer then reads them as it reads ه).
  map(0x0647, 0x06c0, 0x06c1, 0x06d5); // ۀ ہ ە → ه
  if (opts.foldTaMarbuta) map(0x0647, 0x0629); // ة → ه
  if (opts.hamzaSeats === 'letters') {
    map(0x0648, 0x0624); // ؤ → و
    map(0x064a, 0x0626); // ئ → ي
  } else if (opts.hamzaSeats === 'hamza') {
    map(0x0621, 0x0624, 0x0626); // ؤ ئ → ء
  }
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 0x30 + d; // ٠–٩
    t[0x06f0 + d] = 0x30 + d; // ۰–۹
  }
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20; // ASCII A–Z
  return t;
}

const tableCache = new Map<string, Int32Array>();
function tableFor(opts: NormalizeOptions): Int32Array {
  const full = {
    foldTaMarbuta: opts.foldTaMarbuta ?? true,
    foldAlefMadda: opts.foldAlefMadda ?? true,
    hamzaSeats: opts.hamzaSeats ?? 'hamza',
  };
  const key = `${+full.foldTaMarbuta}${+full.foldAlefMadda}${full.hamzaSeats}`;
  let t = tableCache.get(key);
  if (!t) tableCache.set(key, (t = buildTable(full)));
  return t;
}

/** Default options' table, looked up without building a key. */
const DEFAULT_TABLE = tableFor({});

/**
 * Applies the table. Returns `s` itself when nothing changes (no allocation), or null when a
 * SLOW code unit is met and `slowIsKeep` is false.
 */
function applyTable(s: string, t: Int32Array, slowIsKeep: boolean): string | null {
  let out: string | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const r = t[s.charCodeAt(i)]!;
    if (r === KEEP) continue;
    if (r === SLOW) {
      if (!slowIsKeep) return null;
      continue;
    }
    out = out === null ? s.slice(from, i) : out + s.slice(from, i);
    if (r !== DELETE) out += String.fromCharCode(r);
    from = i + 1;
  }
  if (out === null) return s;
  return from < s.length ? out + s.slice(from) : out;
}

/** Madda and hamza marks U+0653–U+0655 left after NFKC composed what it could. */
const MADDA_HAMZA_MARKS = /[\u0653-\u0655]/g;

/** NFKC unfolds ligatures (ﻻ → لا) and presentation forms; then lowercase; then the table, to a fixpoint. */
function slowPath(input: string, t: Int32Array): string {
  let s = input;
  for (let round = 0; round < 4; round++) {
    const next = applyTable(s.normalize('NFKC').toLowerCase().replace(MADDA_HAMZA_MARKS, ''), t, true)!;
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Normalizes a string (usually one token). Returns the input itself when nothing changes,
 * so the common case allocates nothing.
 */
export function normalize(input: string, opts?: NormalizeOptions): string {
  const t = opts === undefined ? DEFAULT_TABLE : tableFor(opts);
  return applyTable(input, t, false) ?? slowPath(input, t);
}

/**
 * `normalize` with its options resolved once (the table is looked up here, not per call): the
 * analyzer's cache-miss path calls it two or three times per new word.
 */
export function normalizer(opts?: NormalizeOptions): (input: string) => string {
  const t = opts === undefined ? DEFAULT_TABLE : tableFor(opts);
  return (input) => applyTable(input, t, false) ?? slowPath(input, t);
}
