/**
 * Second readings of a typed query word that the analyzer cannot give, because they depend on
 * what the archive writes (evaluate.ts's word() scores the readings of a word as alternatives:
 * a doc gets the best of them). See docs/design/query-highlight.md, "Typed readings".
 */
import { analyzeWord, type Analyzed } from '../analysis/analyzer.ts';
import type { IndexView } from './evaluate.ts';

/** A second reading is taken when the archive writes it this many times as often as the word typed. */
export const READING_RATIO = 10;

type Vocab = Pick<IndexView, 'exacts'>;

export function exactDf(ix: Vocab, exact: string): number {
  const id = ix.exacts.idOf(exact);
  return id >= 0 ? ix.exacts.df.data[id]! : 0;
}

/**
 * The proclitic reading's ratio: lower than READING_RATIO because news text writes both often
 * (بعسير 212 articles, عسير ~5×). Spelling stress, 300 queries each, ratio 10 → 5 → 3: ب attached
 * MRR 0.837 → 0.892 → 0.912, ل 0.866 → 0.910 → 0.934; 1,000 verbatim headline runs unchanged (0.959).
 */
export const PROCLITIC_RATIO = 3;

const isProclitic = (c: string | undefined) => c === '\u0628' || c === '\u0644' || c === '\u0643'; // ب ل ك
const ARTICLE_FORM = /^([بك]ال|لل)/;
/** The proclitic reading scores this share of a word's weight: a doc with the word as typed ranks first. */
export const PROCLITIC_WEIGHT = 0.8;
const isConjunction = (c: string | undefined) => c === '\u0648' || c === '\u0641'; // و ف

/**
 * The word without an attached preposition ب ل ك (U+0628, U+0644, U+0643), alone or after و/ف
 * (وبمصر، فلمصر): the stemmer strips them only before the article (بالحكومة), since without a
 * lexicon it cannot tell لمصر (ل + مصر) from لبنان or كتاب. The rest (≥ 3 letters; a stopword
 * too: بعلى) is read too when the archive writes it PROCLITIC_RATIO times as often as the whole
 * form; a word that itself starts with the letter (لبنان، بريطانيا، كتاب) is far more frequent
 * than its rest and keeps its one reading.
 */
export function withoutProclitic(t: Analyzed, ix: Vocab): Analyzed | undefined {
  const e = t.exact;
  if (t.stop || e.length < 4) return undefined;
  const cut = isProclitic(e[0]) ? 1 : isConjunction(e[0]) && isProclitic(e[1]) && e.length >= 5 ? 2 : 0;
  // بال كال لل (after و/ف too) are the article's forms, which the stemmer strips itself.
  if (cut === 0 || ARTICLE_FORM.test(e.slice(cut - 1))) return undefined;
  const rest = analyzeWord(e.slice(cut));
  if (!rest.exact || rest.exact.length < 3 || rest.term === t.term) return undefined;
  return exactDf(ix, rest.exact) >= PROCLITIC_RATIO * Math.max(1, exactDf(ix, e)) ? rest : undefined;
}
