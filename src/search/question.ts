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

export function isQuestion(text: string): boolean {
  if (/[?؟]\s*\S{0,3}\s*$/.test(text)) return true;
  const first = analyze(text)[0];
  return first !== undefined && QUESTION_WORDS.has(first.exact);
}
