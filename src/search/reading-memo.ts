/**
 * Memo of a typed word's costly second readings (evaluate.ts withHamzaSeat: two analyzeWord calls
 * per seat letter; typed-readings.ts typoReading: ~80 generated edits per letter, each looked up),
 * per index. One query reads each word four times (matching, the highlighter's match spec, the
 * title features twice) and a stream of queries repeats common words. The cheap readings (و/ف,
 * pronoun ه, proclitic: one analyzeWord call, which is itself a cache lookup) and the cheap early
 * answers are not remembered: a memo lookup (key string, map) costs as much as they do.
 * A reading depends only on the word and on the archive's document frequencies (and live
 * count), which change only with a write: a put takes a new doc slot, a removal lowers the live
 * count. The memo starts over whenever the slots, the live count or a vocabulary size differ from
 * when it was filled, so an answer is always the one the reading function gives on the index as
 * it is. */
import type { DocTable } from './doc-table.ts';
import type { PostingIndex } from './postings.ts';

/** Bound on the remembered readings (a few MB at most); past it the memo starts over. */
export const READING_MEMO_LIMIT = 20_000;

interface Memo {
  slots: number;
  live: number;
  stems: number;
  exacts: number;
  byKey: Map<string, unknown>;
}

const memos = new WeakMap<PostingIndex, Memo>();

/** What a reading function reads of a typed word. */
interface TypedWord {
  term: string;
  exact: string;
  stop: boolean;
}

/**
 * `compute()` (reading `kind` of `t` on index `ix`), remembered per index until its next write.
 * Without the doc table (a caller passing only the posting indexes) nothing is remembered.
 */
export function memoReading<T>(kind: string, t: TypedWord, ix: { stems: PostingIndex; exacts?: PostingIndex; docs?: DocTable }, compute: () => T): T {
  const docs = ix.docs;
  if (docs === undefined) return compute();
  const exacts = ix.exacts === undefined ? -1 : ix.exacts.size;
  let m = memos.get(ix.stems);
  if (m === undefined || m.slots !== docs.slots || m.live !== docs.live || m.stems !== ix.stems.size || m.exacts !== exacts || m.byKey.size >= READING_MEMO_LIMIT) {
    m = { slots: docs.slots, live: docs.live, stems: ix.stems.size, exacts, byKey: new Map() };
    memos.set(ix.stems, m);
  }
  const key = `${kind}\u0001${t.exact}\u0001${t.term}\u0001${t.stop ? 1 : 0}`;
  const known = m.byKey.get(key);
  if (known !== undefined || m.byKey.has(key)) return known as T;
  const v = compute();
  m.byKey.set(key, v);
  return v;
}
