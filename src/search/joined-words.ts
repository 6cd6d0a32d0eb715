/**
 * Two words typed without the space between them: وزارةالصحة for وزارة الصحة. After a letter that
 * does not join the next one (ا د ذ ر ز و ة and the hamza forms) the missing space is invisible on
 * screen, so a typist does not see it; elsewhere it is a slip of the thumb. The joined form is a
 * word the archive never writes, so it matched nothing (and no spelling is within two edits of a
 * long join). A query word the index does not know at all is read as the two (or three) words it
 * splits into, when the archive writes them side by side (the split with the most articles):
 * the query is then what the reader meant, words, pairs, title features and highlights alike.
 * A misspelt word keeps its correction (spelling.ts) when that word is written in more articles
 * than the pair (البرلمن: البرلمان, not «البر لمن»). Only the unknown-word path pays: one
 * analysis per split point and a phrase count for the splits whose halves are both known.
 */
import { analyze, type Analyzed } from '../analysis/analyzer.ts';
import type { ParsedQuery, QueryNode } from '../contracts.ts';
import { queryTokens } from '../query/query-tokens.ts';
import { Evaluator, withHamzaSeat, type IndexView } from './evaluate.ts';
import { memoReading } from './reading-memo.ts';
import { MIN_DF } from './spelling.ts';
import { exactDf } from './typed-readings.ts';

/** A split point is before a letter, after a letter or its mark (a mark stays with its letter). */
const LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** A half of at least this many letters (no single clitic letter). */
const MIN_HALF = 2;
/** At most this many words out of one typed word. */
const MAX_PARTS = 3;
/** Longer typed words are not split (the spelling vocabulary's bound). */
const MAX_WORD = 40;

/**
 * The parsed query with each unknown word that splits into words the archive writes side by
 * side replaced by them (same occurrence, field and offsets), and that query spelled with the
 * spaces put back; the same object when no word splits.
 */
export function splitJoinedWords(parsed: ParsedQuery, ix: IndexView): { parsed: ParsedQuery; spaced?: string } {
  const edits: { start: number; end: number; parts: string[] }[] = [];
  const visit = (g: Extract<QueryNode, { kind: 'group' }>): Extract<QueryNode, { kind: 'group' }> => {
    let changed = false;
    const clauses = g.clauses.flatMap((c) => {
      const n = c.node;
      if (n.kind === 'group') {
        const v = visit(n);
        if (v !== n) changed = true;
        return [{ ...c, node: v }];
      }
      if (n.kind !== 'word' || c.occur === 'must_not') return [c];
      const parts = splitWord(n.text, ix);
      if (!parts) return [c];
      changed = true;
      edits.push({ start: n.start, end: n.end, parts });
      return parts.map((text) => ({ ...c, node: { ...n, text } }));
    });
    return changed ? { ...g, clauses } : g;
  };
  const root = visit(parsed.root);
  if (root === parsed.root) return { parsed };
  let spaced = parsed.text;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    const at = spaced.indexOf(e.parts.join(''), e.start);
    if (at >= 0 && at < e.end) spaced = spaced.slice(0, at) + e.parts.join(' ') + spaced.slice(at + e.parts.join('').length);
  }
  return { parsed: { ...parsed, root }, spaced: spaced.trim() };
}

/** The words a typed word the archive never writes splits into (surface text), or undefined. */
export function splitWord(text: string, ix: IndexView): string[] | undefined {
  if (text.length > MAX_WORD) return undefined;
  // The query's own text: analyzed once per search (query-tokens.ts); the halves below are not.
  const toks = queryTokens(text);
  if (toks.length !== 1) return undefined;
  const t = toks[0]!;
  // A form the archive writes, even once, is kept: its own joins are found as typed (a headline
  // writing لايثقون is found by لايثقون; read as «لا يثقون» it was lost, known-item seed 4).
  if (t.stop || exactDf(ix, t.exact) > 0 || withClitic(t.exact, ix)) return undefined;
  // Remembered by the surface typed: the parts are surface text (وزارةُالصحة keeps its mark).
  return memoReading('split', { term: text, exact: text, stop: false }, ix, () => bestSplit(text, t, ix, MAX_PARTS)?.parts);
}

/**
 * A word written the usual way, a proclitic و ف ب ل ك (or و/ف then ب ل ك; لل for ل + ال)
 * attached to a word the archive writes, is not a dropped space: فيضبط is ف + يضبط (the
 * evaluator's clitic readings find it), not «في ضبط»; لالآن is ل + الآن.
 */
function withClitic(exact: string, ix: IndexView): boolean {
  const rests = [exact.slice(1), exact.slice(2)];
  if (exact.startsWith('\u0644\u0644')) rests.push('\u0627' + exact.slice(1));
  return /^[\u0648\u0641\u0628\u0644\u0643]/.test(exact) && rests.some((r, i) => (i !== 1 || /^[\u0648\u0641][\u0628\u0644\u0643]/.test(exact)) && r.length >= MIN_HALF && exactDf(ix, r) >= MIN_DF);
}

/**
 * The pair must be written in this many articles per article of the typed word's stem: a rare
 * word whose stem the archive knows (أسودمن: stem in 3 articles) is split only when the pair is
 * clearly what the archive writes; an unknown word needs the pair once.
 */
const PAIR_RATIO = 10;

/** Articles the typed word's readings match: its stem's, or Infinity for a hamza-seat reading. */
function typedDf(t: Analyzed, ix: IndexView): number {
  const stem = ix.stems.idOf(t.term);
  const df = stem >= 0 ? ix.stems.df.data[stem]! : 0;
  return df > 0 ? df : withHamzaSeat(t, ix) !== undefined ? Infinity : 0;
}

interface Split {
  parts: string[];
  /** Articles writing the weakest adjacent pair of the split (a single word: its own count). */
  df: number;
}

function bestSplit(text: string, t: Analyzed, ix: IndexView, maxParts: number): Split | undefined {
  const known = typedDf(t, ix);
  if (known === Infinity) return undefined;
  const floor = known === 0 ? 1 : PAIR_RATIO * known;
  // Each split point whose halves the archive writes, with a bound on its pair's count (the
  // rarer half's); the pairs are counted (a phrase match, 0.3–2 ms) from the highest bound down,
  // until no bound can beat the best count (usually one count).
  const points: { left: string; rest: Split; bound: number }[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!LETTER.test(text[i]!) || !LETTER_OR_MARK.test(text[i - 1]!)) continue;
    const left = text.slice(0, i);
    const l = single(left);
    const leftDf = l && l.exact.length >= MIN_HALF ? exactDf(ix, l.exact) : 0;
    if (leftDf === 0) continue;
    const right = text.slice(i);
    const r = single(right);
    if (!r || r.exact.length < MIN_HALF) continue;
    const rightDf = exactDf(ix, r.exact);
    const rest = rightDf > 0 ? { parts: [right], df: rightDf } : maxParts > 2 ? bestSplit(right, r, ix, maxParts - 1) : undefined;
    if (rest) points.push({ left, rest, bound: Math.min(leftDf, rest.df) });
  }
  points.sort((a, b) => b.bound - a.bound);
  let best: Split | undefined;
  for (const p of points) {
    if (p.bound < floor || p.bound <= (best?.df ?? 0)) break;
    const df = Math.min(p.rest.df, pairDf(ix, p.left, p.rest.parts[0]!));
    if (df >= floor && df > (best?.df ?? 0)) best = { parts: [p.left, ...p.rest.parts], df };
  }
  if (!best) return undefined;
  // A misspelling one edit from a word the archive writes more often than the pair is that
  // word misspelt (البرلمن: البرلمان, not «البر لمن»; بهاذا: بهذا); a word two edits away is less
  // likely than one space dropped (العهدفي: «العهد في», not الهدف).
  if (known === 0 && oneEditMoreFrequent(t.exact, ix, best.df)) return undefined;
  // A pair written once or twice in a large archive is weak evidence: an unknown name split into
  // a stray form and a common word (إمبريوم → «إمبر يوم», 1 article) would match the common word
  // everywhere. Such a split is taken only when spelling.ts has no correction at all.
  const weak = best.df < MIN_DF && ix.docs.live >= ix.params.typoMinDocs;
  return weak && ix.spelling?.correct(t.exact) !== undefined ? undefined : best;
}

/** Letters a normalized Arabic word is made of (ة ى and the hamza seats are folded away). */
const LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/**
 * Whether a form one edit from `e` (a letter dropped, added, changed, or two neighbours swapped)
 * is written in more than `than` articles: ~60 dictionary lookups per letter (~0.05 ms), where the
 * spelling vocabulary's scan (spelling.ts) costs ~1 ms.
 */
function oneEditMoreFrequent(e: string, ix: IndexView, than: number): boolean {
  const more = (v: string) => exactDf(ix, v) > than;
  for (let i = 0; i <= e.length; i++) {
    const head = e.slice(0, i);
    const tail = e.slice(i);
    if (i < e.length && more(head + tail.slice(1))) return true;
    if (i + 1 < e.length && e[i] !== e[i + 1] && more(head + e[i + 1] + e[i] + tail.slice(2))) return true;
    for (const c of LETTERS) {
      if (more(head + c + tail)) return true;
      if (i < e.length && c !== e[i] && more(head + c + tail.slice(1))) return true;
    }
  }
  return false;
}

/** The one token a surface string analyzes to, or undefined. */
function single(text: string): Analyzed | undefined {
  const toks = analyze(text);
  return toks.length === 1 ? toks[0] : undefined;
}

/** Articles writing `a b` as consecutive words (in one field). */
export function pairDf(ix: IndexView, a: string, b: string): number {
  const h = new Evaluator(ix).node({ kind: 'phrase', text: `${a} ${b}`, start: 0, end: 0 });
  if (!h) return 0;
  const n = h.docs.length;
  ix.pool.release(h);
  return n;
}
