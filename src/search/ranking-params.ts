/**
 * Ranking parameters (BM25F), as data. Tuned on the judged sets with the 71k corpus as
 * distractors and on the known-item (headline) check; see docs/design/search.md for the figures.
 */
export interface RankingParams {
  /** BM25 saturation over the combined (field-weighted) term frequency. */
  k1: number;
  /** Field weights: a title occurrence counts `title` body occurrences. */
  weights: { title: number; body: number; meta: number; lead: number };
  /** Length normalization per field (0 = none, 1 = full). */
  b: { title: number; body: number };
  /** Weight of the exact (unstemmed) form's BM25F beside the stem's: exact matches rank above stem-only ones. */
  exactWeight: number;
  /** Multiplier for stopwords and question words in the query. */
  stopWeight: number;
  /** Should-clauses needed: all when there are at most `allUpTo`, else ceil(n × ratio). */
  msm: { allUpTo: number; ratio: number };
  /** Should-clauses needed by a natural-language question (see question.ts): ceil(n × ratio). */
  questionMsm: number;
  /** Bonus per query-term pair found next to each other (exact forms, in order), as a fraction of the pair's weight. */
  proximity: number;
  /** Docs re-scored for proximity. */
  proximityDepth: number;
  /**
   * Docs (by the base score) the title features look at for a query of 3+ words (else
   * proximityDepth): known-item MRR@10 over 6 seeds 0.9624 (100) → 0.9641 (400) → 0.9644 (1000).
   */
  titleDepth: number;
  /**
   * titleDepth for a run of 3+ words with at most one content word (the rest stopwords). 1,500
   * gains known-item +0.0003 (6 seeds) but cost the 3-word stream's CPU p95 ~1 ms: left at 400.
   */
  titleDepthSparse: number;
  /**
   * Bonus per pair of consecutive query words (stopwords included, compared as stems) found
   * consecutive in the title, times the pair's mean idf: headline lookups type a run of the title
   * (title-match.ts).
   */
  titleBigram: number;
  /** Title-bigram bonus again times the share of the title's words the matched pairs cover. */
  titleCoverage: number;
  /**
   * Title-bigram bonus again, times this, for a title holding all the pairs of a 3+ word query as
   * one unbroken run (title-match.ts).
   */
  titleWholeRun: number;
  /**
   * Typo readings (typed-readings.ts) only in an archive of at least this many live articles: in a
   * small one, a form no article writes is as often a real word (mlqa's 4k passages: مياه → حياه).
   */
  typoMinDocs: number;
  /**
   * Share of a word's weight its compound reading scores (compound-words.ts: عبد الله typed, the
   * archive's عبدالله): 0.5 makes the two halves score the joined word once. 0 turns it off.
   */
  compoundWeight: number;
}

export const DEFAULT_RANKING: RankingParams = {
  k1: 1.2,
  weights: { title: 3, body: 1, meta: 2, lead: 0.5 },
  b: { title: 0.75, body: 0.6 },
  exactWeight: 0.35,
  stopWeight: 0.15,
  msm: { allUpTo: 3, ratio: 0.5 },
  questionMsm: 0.2,
  proximity: 0.25,
  proximityDepth: 100,
  titleDepth: 400,
  titleDepthSparse: 400,
  titleBigram: 1,
  titleCoverage: 2,
  titleWholeRun: 1,
  typoMinDocs: 20_000,
  compoundWeight: 0.5,
};

/** Body tokens counted as the article's lead (the first sentences carry the story). */
export const LEAD_TOKENS = 40;
