/**
 * Natural-language questions (ما هي عاصمة …؟) share only some words with the passage that
 * answers them, so they get a looser minimum-should-match than keyword queries. A query is a
 * question when it ends with ? (U+003F) or ؟ (U+061F), or its first word is an interrogative.
 */
import { analyze } from '../analysis/analyzer.ts';

/** Interrogatives, normalized (أ/إ → ا, ى → ي). */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'من', 'ما', 'ماذا', 'متي', 'كيف', 'لماذا', 'هل', 'اين', 'كم', 'اي', 'لمن', 'بماذا', 'مما', 'ممن', 'بكم', 'ماهي', 'ماهو',
]);

/**
 * Interrogatives that are as often something else — من "from", ما "not"/"what (relative)", مما
 * "from what", ممن "from whom", لمن "for whom (relative)" — so a headline run can start with them
 * («من حادث جوي في», «ما لم تنقل»).
 */
const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set(['من', 'ما', 'مما', 'ممن', 'لمن']);

const MARKED = /[?؟]\s*\S{0,3}\s*$/;

export function isQuestion(text: string): boolean {
  if (MARKED.test(text)) return true;
  const first = analyze(text)[0];
  return first !== undefined && QUESTION_WORDS.has(first.exact);
}

/**
 * A question for sure: a question mark, or a first word that is only an interrogative. A query
 * that is a question only by an ambiguous first word may be a run of a headline, so the title
 * features (title-match.ts) still apply to it.
 */
export function isSurelyQuestion(text: string): boolean {
  if (MARKED.test(text)) return true;
  const first = analyze(text)[0];
  return first !== undefined && QUESTION_WORDS.has(first.exact) && !AMBIGUOUS_WORDS.has(first.exact);
}
