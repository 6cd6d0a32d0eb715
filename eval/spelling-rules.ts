/**
 * Spelling rules for the stress harness (eval/spelling-stress.ts) and the fixture test
 * (test/analysis/spelling-rules.test.ts): each rule rewrites EVERY word it applies to, so a
 * rule's figure says what that one typing habit costs. Rows follow ../shared/docs/arabic-analysis.md
 * §1–2 and §6 (code points cited), the clitics and pronoun suffixes of news Arabic, and whole-query
 * habits (no hamza anywhere, no ال anywhere, another word order).
 * A word rule returns the word unchanged when it does not apply; `r` is a seeded random source.
 */

export interface WordRule {
  name: string;
  kind: 'word';
  apply: (w: string, r: () => number) => string;
}
export interface QueryRule {
  name: string;
  kind: 'query';
  apply: (words: string[], r: () => number) => string[];
}
export type SpellingRule = WordRule | QueryRule;

const AR = '\u0621-\u064A';
const LETTER = new RegExp(`[${AR}]`);
const isArabic = (w: string) => new RegExp(`^[${AR}\u064B-\u0652\u0670]+$`).test(w);
/** The letters of a word (marks dropped), for rules that need the bare spelling. */
const bare = (w: string) => w.replace(/[\u064B-\u065F\u0670\u0640]/g, '');

/** Base letter → its isolated presentation form (U+FE70–U+FEFC), from NFKC. */
const PRESENTATION = (() => {
  const m = new Map<string, string>();
  for (let c = 0xfe80; c <= 0xfefc; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize('NFKC');
    if (base.length === 1 && !m.has(base)) m.set(base, ch);
  }
  return m;
})();

/** A random interior index of `w` (not the first or last letter), or −1 for words under 4 letters. */
function interior(w: string, r: () => number): number {
  if (w.length < 4) return -1;
  return 1 + Math.floor(r() * (w.length - 2));
}

const mapLetters = (w: string, f: (c: string, i: number) => string) => (isArabic(w) ? [...w].map(f).join('') : w);
const insertMiddle = (ch: string) => (w: string) => {
  const b = bare(w);
  return isArabic(w) && b.length >= 2 ? b.slice(0, b.length >> 1) + ch + b.slice(b.length >> 1) : w;
};
const endSwap = (from: string, to: string) => (w: string) => (isArabic(w) && w.length > 2 && w.endsWith(from) ? w.slice(0, -1) + to : w);
const withArticle = (w: string) => isArabic(w) && w.startsWith('ال') && w.length > 4;
const PRONOUNS = ['هم', 'ها', 'نا'];
const dropHamza = (w: string) => w.replace(/[أإآ]/g, 'ا').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/ء/g, '');

/** Letters that do not join the next letter (a space dropped after them is not seen). */
const NON_JOINING = /[اأإآدذرزوؤةء]$/;
/** The words with each pair `join` accepts written as one (pairs do not overlap). */
function joinPairs(ws: string[], join: (a: string, b: string, i: number) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (i + 1 < ws.length && join(ws[i]!, ws[i + 1]!, i)) {
      out.push(ws[i]! + ws[i + 1]!);
      i++;
    } else out.push(ws[i]!);
  }
  return out;
}

export const SPELLING_RULES: SpellingRule[] = [
  // §2 compatibility forms
  { name: 'presentation forms (U+FE70–U+FEFC)', kind: 'word', apply: (w) => mapLetters(w, (c) => PRESENTATION.get(c) ?? c) },
  { name: 'lam-alef ligatures ﻻ ﻷ ﻹ ﻵ', kind: 'word', apply: (w) => w.replace(/لا/g, '\uFEFB').replace(/لأ/g, '\uFEF7').replace(/لإ/g, '\uFEF9').replace(/لآ/g, '\uFEF5') },
  // §1–2 marks
  { name: 'harakat on every letter (U+064B–U+0652)', kind: 'word', apply: (w, r) => mapLetters(bare(w), (c) => (LETTER.test(c) ? c + String.fromCharCode(0x064b + Math.floor(r() * 8)) : c)) },
  { name: 'diacritics dropped', kind: 'word', apply: (w) => w.replace(/[\u064B-\u065F\u0670]/g, '') },
  { name: 'superscript alef U+0670', kind: 'word', apply: insertMiddle('\u0670') },
  { name: 'Quranic marks (U+0610–U+061A, U+06D6–U+06ED)', kind: 'word', apply: (w, r) => { const b = bare(w); return isArabic(w) ? b + String.fromCharCode(r() < 0.5 ? 0x0610 + Math.floor(r() * 11) : 0x06d6 + Math.floor(r() * 7)) : w; } },
  { name: 'hamza as a combining mark (NFD: ا+U+0654, و+U+0654, ي+U+0654)', kind: 'word', apply: (w) => (isArabic(w) ? w.normalize('NFD') : w) },
  { name: 'tatweel U+0640 inside', kind: 'word', apply: insertMiddle('\u0640') },
  // §2 invisible controls inside words
  { name: 'ZWNJ U+200C inside', kind: 'word', apply: insertMiddle('\u200C') },
  { name: 'ZWJ U+200D inside', kind: 'word', apply: insertMiddle('\u200D') },
  { name: 'LRM U+200E inside', kind: 'word', apply: insertMiddle('\u200E') },
  { name: 'RLM U+200F inside', kind: 'word', apply: insertMiddle('\u200F') },
  { name: 'ALM U+061C inside', kind: 'word', apply: insertMiddle('\u061C') },
  // §2 alef forms
  { name: 'hamza dropped on alef (أ إ آ → ا)', kind: 'word', apply: (w) => w.replace(/[أإآ]/g, 'ا') },
  { name: 'initial ا typed أ/إ', kind: 'word', apply: (w, r) => (isArabic(w) && /^ا/.test(w) ? (r() < 0.5 ? 'أ' : 'إ') + w.slice(1) : isArabic(w) && /^ال[اأإ]/.test(w) ? w : w) },
  { name: 'alef wasla ٱ U+0671 for ا/أ/إ', kind: 'word', apply: (w) => w.replace(/[اأإ]/g, '\u0671') },
  // §2 ya forms
  { name: 'final ي typed ى', kind: 'word', apply: endSwap('ي', 'ى') },
  { name: 'final ى typed ي', kind: 'word', apply: endSwap('ى', 'ي') },
  { name: 'Persian ya ی U+06CC', kind: 'word', apply: (w) => w.replace(/[يى]/g, '\u06CC') },
  { name: 'ې U+06D0 for ي', kind: 'word', apply: (w) => w.replace(/ي/g, '\u06D0') },
  { name: 'Persian kaf ک U+06A9', kind: 'word', apply: (w) => w.replace(/ك/g, '\u06A9') },
  // §2 ta marbuta / ha forms
  { name: 'ۀ ہ ە for final ة/ه', kind: 'word', apply: (w, r) => (isArabic(w) && w.length > 2 && /[ةه]$/.test(w) ? w.slice(0, -1) + ['\u06C0', '\u06C1', '\u06D5'][Math.floor(r() * 3)] : w) },
  { name: 'final ة typed ه', kind: 'word', apply: endSwap('ة', 'ه') },
  { name: 'final ه typed ة (خلالة)', kind: 'word', apply: endSwap('ه', 'ة') },
  // §2 hamza seats
  { name: 'seats dropped (ؤ → و, ئ → ي)', kind: 'word', apply: (w) => w.replace(/ؤ/g, 'و').replace(/ئ/g, 'ي') },
  { name: 'seats swapped (ؤ ↔ ئ)', kind: 'word', apply: (w) => w.replace(/[ؤئ]/g, (c) => (c === 'ؤ' ? 'ئ' : 'ؤ')) },
  { name: 'seat on the line (ؤ ئ → ء)', kind: 'word', apply: (w) => w.replace(/[ؤئ]/g, 'ء') },
  { name: 'ء on the line typed on a seat (ء → ئ)', kind: 'word', apply: (w) => (isArabic(w) && /.ء/.test(w) ? w.replace(/(.)ء/g, '$1ئ') : w) },
  // §2 digits
  { name: 'digits as Arabic-Indic ٠–٩', kind: 'word', apply: (w) => w.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))) },
  { name: 'digits as Eastern ۰–۹', kind: 'word', apply: (w) => w.replace(/[0-9\u0660-\u0669]/g, (d) => String.fromCharCode(0x06f0 + (d.charCodeAt(0) >= 0x0660 ? d.charCodeAt(0) - 0x0660 : Number(d)))) },
  { name: 'digits as Western 0–9', kind: 'word', apply: (w) => w.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - (d.charCodeAt(0) >= 0x06f0 ? 0x06f0 : 0x0660)))) },
  // §6 sample-page typos
  { name: 'one letter dropped (العرقي)', kind: 'word', apply: (w, r) => { const b = bare(w); const i = isArabic(w) && b.length >= 5 ? interior(b, r) : -1; return i < 0 ? w : b.slice(0, i) + b.slice(i + 1); } },
  { name: 'one alef dropped (العرقي)', kind: 'word', apply: (w) => { const b = bare(w); const i = b.indexOf('ا', 2); return isArabic(w) && b.length >= 5 && i > 0 && i < b.length - 1 ? b.slice(0, i) + b.slice(i + 1) : w; } },
  { name: 'one letter doubled', kind: 'word', apply: (w, r) => { const b = bare(w); const i = isArabic(w) && b.length >= 4 ? interior(b, r) : -1; return i < 0 ? w : b.slice(0, i + 1) + b[i] + b.slice(i + 1); } },
  { name: 'two letters swapped', kind: 'word', apply: (w, r) => { const b = bare(w); const i = isArabic(w) && b.length >= 5 ? interior(b.slice(0, -1), r) : -1; return i < 0 || b[i] === b[i + 1] ? w : b.slice(0, i) + b[i + 1] + b[i] + b.slice(i + 2); } },
  // letters a dialect merges (typed-readings.ts CONFUSABLE)
  { name: 'ض ↔ ظ swapped (انتضار, ظابط)', kind: 'word', apply: (w) => w.replace(/[ضظ]/g, (c) => (c === 'ض' ? 'ظ' : 'ض')) },
  { name: 'ذ typed ز or د (هازا, الدهب)', kind: 'word', apply: (w, r) => w.replace(/ذ/g, () => (r() < 0.5 ? 'ز' : 'د')) },
  // clitics
  { name: 'و attached', kind: 'word', apply: (w) => (isArabic(w) && !/^و/.test(w) ? 'و' + w : w) },
  { name: 'و detached (و + space)', kind: 'word', apply: (w) => (isArabic(w) && /^و/.test(w) && w.length > 3 ? 'و ' + w.slice(1) : isArabic(w) ? 'و ' + w : w) },
  { name: 'ب attached', kind: 'word', apply: (w) => (isArabic(w) && w.length >= 3 && !/^[وفبكل]/.test(w) ? 'ب' + w : w) },
  { name: 'ل attached (لل for ال)', kind: 'word', apply: (w) => (isArabic(w) && w.length >= 3 && !/^[وفبكل]/.test(w) ? (withArticle(w) ? 'ل' + w.slice(1) : 'ل' + w) : w) },
  { name: 'ف attached', kind: 'word', apply: (w) => (isArabic(w) && w.length >= 3 && !/^[وفبكل]/.test(w) ? 'ف' + w : w) },
  { name: 'ك attached', kind: 'word', apply: (w) => (isArabic(w) && w.length >= 3 && !/^[وفبكل]/.test(w) ? 'ك' + w : w) },
  { name: 'ب ف ك ل detached (بال → ب ال)', kind: 'word', apply: (w) => (isArabic(w) && /^[بفك]ال./.test(w) ? w[0] + ' ' + w.slice(1) : isArabic(w) && /^لل../.test(w) ? 'ل ال' + w.slice(2) : w) },
  { name: 'ال dropped', kind: 'word', apply: (w) => (withArticle(w) ? w.slice(2) : w) },
  { name: 'ال added', kind: 'word', apply: (w) => (isArabic(w) && w.length >= 3 && !/^(ال|[وفبكل])/.test(w) ? 'ال' + w : w) },
  { name: 'pronoun suffix هم/ها/نا', kind: 'word', apply: (w, r) => { if (!isArabic(w) || bare(w).length < 4) return w; let b = bare(w); if (b.startsWith('ال')) b = b.slice(2); if (b.endsWith('ة')) b = b.slice(0, -1) + 'ت'; return b + PRONOUNS[Math.floor(r() * 3)]; } },
  // Latin
  { name: 'Latin case mixed', kind: 'word', apply: (w, r) => (/[a-zA-Z]/.test(w) ? [...w].map((c) => (r() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join('') : w) },
  // whole query
  { name: 'query: no hamza anywhere (أإآ ؤ ئ ء)', kind: 'query', apply: (ws) => ws.map(dropHamza).filter(Boolean) },
  { name: 'query: no ال anywhere', kind: 'query', apply: (ws) => ws.map((w) => (withArticle(w) ? w.slice(2) : w)) },
  { name: 'query: space dropped after ا د ذ ر ز و ة (unseen: the letter does not join)', kind: 'query', apply: (ws) => joinPairs(ws, (a, b) => isArabic(a) && isArabic(b) && NON_JOINING.test(bare(a))) },
  { name: 'query: one space dropped (two words joined)', kind: 'query', apply: (ws, r) => { const i = Math.floor(r() * (ws.length - 1)); return joinPairs(ws, (a, b, j) => j === i && isArabic(a) && isArabic(b)); } },
  { name: 'compound typed apart (عبدالله → عبد الله, أبوظبي → أبو ظبي)', kind: 'word', apply: (w) => (isArabic(w) ? bare(w).replace(/^(عبد)(ال..+)$|^([أا]بو)([^ا]{3,})$/, (_, a, b, c, d) => `${a ?? c} ${b ?? d}`) : w) },
  { name: 'query: compound typed joined (عبد الله → عبدالله, أبو ظبي → أبوظبي)', kind: 'query', apply: (ws) => joinPairs(ws, (a, b) => /^(عبد|[أا]بو)$/.test(bare(a)) && isArabic(b)) },
  { name: 'query: words reversed', kind: 'query', apply: (ws) => [...ws].reverse() },
  { name: 'query: words shuffled', kind: 'query', apply: (ws, r) => { const a = [...ws]; for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; } return a; } },
];

/** The query typed with `rule`, or undefined when the rule changes no word of it. */
export function applyRule(rule: SpellingRule, words: string[], r: () => number): string | undefined {
  const out = rule.kind === 'word' ? words.map((w) => rule.apply(w, r)) : rule.apply(words, r);
  const text = out.join(' ');
  return text === words.join(' ') ? undefined : text;
}
