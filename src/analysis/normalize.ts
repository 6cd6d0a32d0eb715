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
 *  - ta marbuta and ha forms ة U+0629, ۀ U+06C0, ہ U+06C1, ە U+06D5 → ه U+0647   (option `foldTaMarbuta`)
 *  - hamza on seats ؤ U+0624 → و, ئ U+0626 → ي                                 (option `foldHamzaSeats`)
 *  - digits ٠–٩ U+0660–U+0669 and ۰–۹ U+06F0–U+06F9 → 0–9
 *  - Latin → lowercase (after NFKC, so full-width letters fold too)
 * Pure and idempotent: normalize(normalize(s)) === normalize(s).
 */

export interface NormalizeOptions {
  /** ة ۀ ہ ە → ه. Default true. */
  foldTaMarbuta?: boolean;
  /** ؤ → و and ئ → ي. Default true. */
  foldHamzaSeats?: boolean;
}

const DELETE = -1;
const KEEP = 0;

/** Builds the per-code-unit table: KEEP, DELETE, or the replacement code unit. */
function buildTable(opts: Required<NormalizeOptions>): Int32Array {
  const t = new Int32Array(0x10000);
  const del = (from: number, to = from) => {
    for (let c = from; c <= to; c++) t[c] = DELETE;
  };
  const map = (to: number, ...from: number[]) => {
    for (const c of from) t[c] = to;
  };
  del(0x0610, 0x061a); // Quranic annotation signs
  del(0x064b, 0x065f); // harakat, tanween, shadda, sukun, extended marks
  del(0x0670); // superscript alef
  del(0x06d6, 0x06ed); // Quranic marks (U+06DD end of ayah, U+06DE rub el hizb included)
  del(0x0640); // tatweel
  del(0x200b, 0x200f); // ZWSP, ZWNJ, ZWJ, LRM, RLM
  del(0x061c); // ALM
  del(0x202a, 0x202e); // bidi embeddings and overrides
  del(0x2066, 0x2069); // bidi isolates
  del(0xfeff); // BOM / ZWNBSP
  del(0x00ad); // soft hyphen
  map(0x0627, 0x0622, 0x0623, 0x0625, 0x0671); // alef forms → ا
  map(0x064a, 0x0649, 0x06cc, 0x06d0); // ya forms → ي
  map(0x0643, 0x06a9); // Persian kaf → ك
  if (opts.foldTaMarbuta) map(0x0647, 0x0629, 0x06c0, 0x06c1, 0x06d5);
  if (opts.foldHamzaSeats) {
    map(0x0648, 0x0624);
    map(0x064a, 0x0626);
  }
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 0x30 + d;
    t[0x06f0 + d] = 0x30 + d;
  }
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20; // ASCII A–Z
  return t;
}

const tableCache = new Map<string, Int32Array>();
function tableFor(opts: NormalizeOptions): Int32Array {
  const full = { foldTaMarbuta: opts.foldTaMarbuta ?? true, foldHamzaSeats: opts.foldHamzaSeats ?? true };
  const key = `${+full.foldTaMarbuta}${+full.foldHamzaSeats}`;
  let t = tableCache.get(key);
  if (!t) tableCache.set(key, (t = buildTable(full)));
  return t;
}

/** Code units that need the slow path: presentation forms, non-ASCII Latin and other cased letters, surrogates. */
function needsSlowPath(c: number): boolean {
  return (
    (c >= 0xfb50 && c <= 0xfdff) || // Arabic presentation forms A
    (c >= 0xfe70 && c <= 0xfefe) || // Arabic presentation forms B
    (c >= 0xff00 && c <= 0xffef) || // half/full-width forms
    (c >= 0x00c0 && c < 0x0600) || // Latin-1 letters, Latin extended, Greek, Cyrillic (case)
    (c >= 0x1e00 && c <= 0x1fff) || // Latin extended additional, Greek extended
    (c >= 0xd800 && c <= 0xdfff) // surrogates (mathematical alphanumerics etc.)
  );
}

/**
 * Normalizes a string (usually one token). Returns the input itself when nothing changes,
 * so the common case allocates nothing.
 */
export function normalize(input: string, opts: NormalizeOptions = {}): string {
  const t = tableFor(opts);
  let s = input;
  for (let i = 0; i < s.length; i++) {
    if (needsSlowPath(s.charCodeAt(i))) {
      // NFKC unfolds ligatures (ﻻ → لا) and presentation forms; then lowercase other scripts.
      s = s.normalize('NFKC').toLowerCase();
      break;
    }
  }
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const r = t[c];
    if (r === KEEP) continue;
    if (out === null) out = [];
    if (i > from) out.push(s.slice(from, i));
    if (r !== DELETE) out.push(String.fromCharCode(r));
    from = i + 1;
  }
  if (out === null) return s;
  if (from < s.length) out.push(s.slice(from));
  return out.join('');
}
