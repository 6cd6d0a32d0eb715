/**
 * Second readings of a typed query word that the analyzer cannot give, because they depend on
 * what the archive writes (evaluate.ts's word() scores the readings of a word as alternatives:
 * a doc gets the best of them). See docs/design/query-highlight.md, "Typed readings".
 */
import { analyzeWord, type Analyzed } from '../analysis/analyzer.ts';
import type { IndexView } from './evaluate.ts';
import { MIN_DF } from './spelling.ts';
import { memoReading } from './reading-memo.ts';

/** A second reading is taken when the archive writes it this many times as often as the word typed. */
export const READING_RATIO = 10;

type Vocab = Pick<IndexView, 'exacts' | 'stems'>;

function stemDf(ix: Vocab, term: string): number {
  const id = ix.stems.idOf(term);
  return id >= 0 ? ix.stems.df.data[id]! : 0;
}

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

/**
 * و/ف (U+0648, U+0641) typed onto a word that is itself a word: وطن for طن («ألف وطن» for «ألف
 * طن»), ورد for رد. evaluate.ts reads the rest alone only when the archive writes it
 * READING_RATIO times as often as the typed form (71k: طن 530 / وطن 232, رد 1,785 / ورد 1,086:
 * refused), so with every content word required (≤ 3) the headline that writes the rest could not
 * match at all. The rest (≥ 2 letters, not a stopword) is also read, at PROCLITIC_WEIGHT, when the
 * archive writes it at least as often as the typed form: a doc with the word as typed ranks first,
 * and a root و (وزير → زير, وصل → صل: rarely written alone) keeps its one reading.
 */
export function withoutConjunctionToo(t: Analyzed, ix: Vocab): Analyzed | undefined {
  const e = t.exact;
  if (t.stop || e.length < 3 || !isConjunction(e[0])) return undefined;
  const rest = analyzeWord(e.slice(1));
  if (!rest.exact || rest.stop || rest.term === t.term) return undefined;
  return exactDf(ix, rest.exact) >= Math.max(1, exactDf(ix, e)) ? rest : undefined;
}

/** The typo reading scores this share of a word's weight: a doc with the word as typed ranks first. */
export const TYPO_WEIGHT = 0.8;

/**
 * No typo reading for a word whose stem is in this share of the archive's articles (71k: ~3,000).
 * Known-item seed 3 lost a query (اليجب, ال typed onto يجب, read as a frequent neighbour) without
 * it; spelling stress: one letter dropped MRR 0.557 → 0.551.
 */
const COMMON_STEM_SHARE = 0.04;

/** Letters a normalized Arabic word is made of (ء–ي without the folded ة ى أ إ آ ؤ ئ). */
const LETTERS = 'ءابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/**
 * A typed form the archive (almost) never writes — fewer than MIN_DF articles — while its stem is
 * known: a typo that lands on another word's stem (العرقي → stem عرق) is not corrected by the
 * "unknown stem" rule (spelling.ts), so it is also read as the archive's most frequent form one
 * edit away (a letter dropped, added, changed, or two neighbours swapped), when that form is
 * written in at least READING_RATIO articles. The edits are generated (~80 per letter) and looked
 * up in the exact-form dictionary: ~0.05 ms, where spelling.ts's vocabulary scan costs ~4 ms.
 */
export function typoReading(t: Analyzed, ix: Vocab & Pick<IndexView, 'docs' | 'params'>): Analyzed | undefined {
  const e = t.exact;
  if (ix.docs.live < ix.params.typoMinDocs) return undefined;
  if (t.stop || e.length < 4 || e.length > 20 || exactDf(ix, e) >= MIN_DF || !/^[\u0621-\u064A]+$/.test(e)) return undefined;
  // The edits cost ~0.05 ms: remembered (reading-memo.ts).
  return memoReading('typo', t, ix, () => closestTypoReading(t, ix));
}

function closestTypoReading(t: Analyzed, ix: Vocab & Pick<IndexView, 'docs' | 'params'>): Analyzed | undefined {
  const e = t.exact;
  // A stem in a sizeable share of the archive is a word the analyzer has read (اليجب → يجب).
  if (stemDf(ix, t.term) >= Math.max(50, COMMON_STEM_SHARE * ix.docs.live)) return undefined;
  let best = '';
  let bestDf = READING_RATIO - 1;
  const consider = (v: string) => {
    if (v.length < 3) return;
    const f = exactDf(ix, v);
    if (f > bestDf) {
      best = v;
      bestDf = f;
    }
  };
  forEachOneEdit(e, consider);
  if (!best) return undefined;
  const v = analyzeWord(best);
  return v.exact && !v.stop && v.term !== t.term ? v : undefined;
}

/** Calls `fn` with every form one edit from `e`: a letter dropped, added, changed, or two neighbours swapped. */
export function forEachOneEdit(e: string, fn: (v: string) => void): void {
  for (let i = 0; i <= e.length; i++) {
    const head = e.slice(0, i);
    const tail = e.slice(i);
    if (i < e.length) {
      fn(head + tail.slice(1)); // dropped
      if (i + 1 < e.length && e[i] !== e[i + 1]) fn(head + e[i + 1] + e[i] + tail.slice(2)); // swapped
    }
    for (const c of LETTERS) {
      fn(head + c + tail); // added
      if (i < e.length && c !== e[i]) fn(head + c + tail.slice(1)); // changed
    }
  }
}

/**
 * آ (U+0622) typed as a bare ا at the start of a word, alone or after و/ف: الاف for آلاف,
 * اليات for آليات, والاف for وآلاف. The normalizer folds آ → ا, but the stemmer reads the surface
 * first, so a typed ال is taken for the article (الاف → stem اف) while the archive's آلاف keeps
 * stem الاف. The آ reading is taken when its stem is MADDA_RATIO times as frequent (stem df) as
 * the stem as typed, so a word that does start with the article (الامن) keeps its one reading.
 */
export function withInitialMadda(t: Analyzed, ix: Vocab): Analyzed | undefined {
  const e = t.exact;
  const at = e.startsWith('\u0627\u0644') ? 0 : isConjunction(e[0]) && e.startsWith('\u0627\u0644', 1) ? 1 : -1;
  if (at < 0 || e.length < at + 4) return undefined;
  const v = analyzeWord(e.slice(0, at) + '\u0622' + e.slice(at + 1));
  if (!v.exact || v.stop || v.term === t.term) return undefined;
  return stemDf(ix, v.term) >= MADDA_RATIO * Math.max(1, stemDf(ix, t.term)) ? v : undefined;
}

/**
 * The آ reading is taken when its stem is at least as frequent as the typed stem (not 10×): both
 * are readings of one exact form (the normalizer folds آ → ا), and the archive itself writes the
 * word bare too, those writings taking the article's reading — 71k: stem اف 3,784 articles, of
 * which 3,531 write الاف, against stem الاف (آلاف) 4,392. At 10× «نحو خمسة الاف عامل وافد» matched
 * one article (every non-stopword is required, and no article has stem اف beside عامل وافد).
 * A word that starts with the article has no such rival stem (الامن: آلامن 0) and keeps one reading.
 */
const MADDA_RATIO = 1;

/**
 * ة (U+0629) typed as ه (U+0647) at the end of a word: ثابته for ثابتة. The normalizer folds
 * both to ه, but the stemmer reads ته typed with ه as a pronoun after ت (ثابته → stem ثاب) while
 * the archive's ثابتة keeps stem ثابت. The ة reading (the mirror of the pronoun reading in
 * evaluate.ts) is taken when its stem is READING_RATIO times as frequent as the stem as typed, so a
 * word with the pronoun (حوله، زوجته) keeps its one reading.
 */
export function withTaMarbuta(t: Analyzed, ix: Vocab): Analyzed | undefined {
  // The exact form has ة folded to ه, so re-reading it with ة gives the typed stem back when the
  // word was typed with ة.
  const e = t.exact;
  if (t.stop || !e.endsWith('\u0647') || e.length < 4) return undefined;
  const v = analyzeWord(e.slice(0, -1) + '\u0629');
  if (!v.exact || v.stop || v.term === t.term) return undefined;
  return stemDf(ix, v.term) >= READING_RATIO * Math.max(1, stemDf(ix, t.term)) ? v : undefined;
}

/**
 * A long vowel (ا و ي), or a ء on the line (HAMZA), a reader leaves out: the archive writes it (اتفاق، الثلاثاء، صفقات، مواجهة،
 * مسؤول) but a typist often does not, as handwriting and older spelling do (ثلثاء، صفقت، اتفق،
 * مسؤل). The archive publishes such slips a few times (مسؤل 4 articles), more than the typo
 * reading's MIN_DF (forms the archive almost never writes) allows. The word is also read
 * (TYPO_WEIGHT, evaluate.ts) as the most frequent form with one long vowel put back inside it
 * (not first, not last, not beside the same letter), when the archive writes that form
 * READING_RATIO times as often as the word typed and (for ا و ي) the word typed is rare
 * (rareFormDf): 71k, مسؤل 4 / مسؤول 2,496 is taken; العلم 853 / العالم 10,701 (a word of its
 * own) and كتب 1,201 / كتاب 818 are not. ~3 lookups per letter, remembered (reading-memo.ts).
 */
export function withDroppedLongVowel(t: Analyzed, ix: Vocab & Pick<IndexView, 'docs' | 'params'>): Analyzed | undefined {
  const e = t.exact;
  // A small archive's counts do not tell a dropped vowel from a word of its own (typoMinDocs).
  if (ix.docs.live < ix.params.typoMinDocs) return undefined;
  if (t.stop || e.length < 3 || e.length > 20 || !/^[\u0621-\u064A]+$/.test(e)) return undefined;
  // A ء left out is the commonest way of typing (the "hamza dropped"): READING_RATIO
  // alone decides. A long vowel left out is a slip: the typed form must be rare too.
  const letters = exactDf(ix, e) <= rareFormDf(ix.docs.live) ? LEFT_OUT : HAMZA;
  return memoReading('vowel', t, ix, () => likeliestWithVowel(t, ix, letters));
}

/**
 * For a long vowel, the typed form must itself be rare in the archive (in at most one article in
 * RARE_FORM_SHARE, or MIN_DF in a smaller archive): a left-out vowel is a slip, which the archive
 * publishes a few times (71k: مسؤل 4, الثلثاء 6, صفقت 7), while a form written in dozens of
 * articles is a word of its own even when a longer one is 10× as common (العلم 853 / العالم
 * 10,701, السعة 58 / الساعة 3,697, وزر 22 / وزير 8,493): reading those would add «the world» to a
 * search for «science» and multiply the totals (a QA question with السعة: 1,413 → 8,649 hits).
 * Spelling stress (300 queries, 71k) with the rule against without it: one alef dropped 0.849 →
 * 0.813, one letter dropped 0.598 → 0.592 (0.767 and 0.555 with no vowel reading at all). A ء
 * left out is not held to it: readers drop hamza everywhere (خبرا 125 / خبراء 1,275 is read).
 */
const RARE_FORM_SHARE = 5_000;

function rareFormDf(live: number): number {
  return Math.max(MIN_DF, Math.floor(live / RARE_FORM_SHARE));
}

/**
 * ا و ي (U+0627, U+0648, U+064A). Spelling stress (300 queries, 71k): one alef dropped MRR 0.767 →
 * 0.847 with ا alone, 0.849 with all three; one letter dropped 0.555 → 0.568 / 0.599; two letters
 * swapped 0.812 → 0.812 / 0.810 (one query: تجارا read as a frequent form with ي).
 */
const LONG_VOWELS = '\u0627\u0648\u064A';
/**
 * ء (U+0621) on the line, the letter a typist most often leaves out at the end of a word (خبرا
 * for خبراء, ادا for أداء, احيا for إحياء) or before ة (البراة for البراءة): put back inside or
 * after the word. Spelling stress «no hamza anywhere» 0.953 → 0.967 (5 misses of 300 were this);
 * one letter dropped 0.599 → 0.598.
 */
const HAMZA = '\u0621';
const LEFT_OUT = LONG_VOWELS + HAMZA;

function likeliestWithVowel(t: Analyzed, ix: Vocab, letters: string): Analyzed | undefined {
  const e = t.exact;
  let best = '';
  let bestDf = READING_RATIO * Math.max(1, exactDf(ix, e)) - 1;
  for (let i = 1; i <= e.length; i++) {
    for (const v of i < e.length ? letters : HAMZA) {
      if (e[i - 1] === v || e[i] === v) continue;
      const form = e.slice(0, i) + v + e.slice(i);
      const f = exactDf(ix, form);
      if (f > bestDf) {
        best = form;
        bestDf = f;
      }
    }
  }
  if (!best) return undefined;
  const r = analyzeWord(best);
  return r.exact && !r.stop && r.term !== t.term ? r : undefined;
}

/**
 * Letters readers confuse because their dialects merged the sounds: ض (U+0636) and ظ (U+0638)
 * (انتضار for انتظار, حفض for حفظ, ظابط for ضابط), ذ (U+0630) typed as ز (U+0632) or د (U+062F)
 * (هازا, الدهب). The normalizer keeps them apart, as the archive does.
 */
const CONFUSABLE: Record<string, string> = { '\u0636': '\u0638', '\u0638': '\u0636', '\u0632': '\u0630', '\u062F': '\u0630' };

/**
 * A word typed with a letter its reader's dialect merges with another (CONFUSABLE): also read
 * with the other letter when the archive writes that form READING_RATIO times as often as the
 * word as typed (the most frequent such form; one letter changed), and the form typed is rare (rareFormDf). Like the hamza-seat reading it
 * comes from the word as typed, before spelling correction, which would pick the most frequent
 * one-edit form whatever the letter (انتضار → انتشار, الضلام → السلام). A real word written with
 * either letter (ضل / ظل) is written often enough to keep its own reading.
 */
export function withConfusableLetter(t: Analyzed, ix: Vocab & Partial<Pick<IndexView, 'docs'>>): Analyzed | undefined {
  const e = t.exact;
  if (t.stop || e.length < 3 || e.length > 20 || !/[\u0636\u0638\u0632\u062F]/.test(e)) return undefined;
  // A slip, as a left-out long vowel: the form typed must be rare (rareFormDf). 71k, forms in
  // ≥ 15 articles that the 10× test alone would read: 14, most of them words of their own —
  // ادار (managed) / آذار, الاستاد (stadium) / الاستاذ, نفد (ran out) / نفذ, الحضر / الحظر.
  if (ix.docs !== undefined && exactDf(ix, e) > rareFormDf(ix.docs.live)) return undefined;
  return memoReading('confusable', t, ix, () => {
    let best = '';
    let bestDf = READING_RATIO * Math.max(1, exactDf(ix, e)) - 1;
    for (let i = 0; i < e.length; i++) {
      const other = CONFUSABLE[e[i]!];
      if (other === undefined) continue;
      const form = e.slice(0, i) + other + e.slice(i + 1);
      const f = exactDf(ix, form);
      if (f > bestDf) {
        best = form;
        bestDf = f;
      }
    }
    if (!best) return undefined;
    const v = analyzeWord(best);
    return v.exact && !v.stop && v.term !== t.term ? v : undefined;
  });
}
