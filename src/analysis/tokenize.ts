/**
 * Tokenizer: finds word spans in the ORIGINAL text, keeping their UTF-16 offsets.
 * A word is a run of letters, combining marks (Mn/Mc), digits and ZWNJ/ZWJ (U+200C/U+200D), so
 * marks never split a word. Emails, URLs, numbers with separators (٣٫٥، 1,200) and hyphenated
 * Latin words are single tokens. Everything else (spaces, Latin and Arabic punctuation
 * ، ؛ ؟ « » ٪ ۔ …) separates tokens.
 */

export interface Span {
  text: string;
  start: number;
  end: number;
}

const WORD = String.raw`[\p{L}\p{M}\p{N}\u200C\u200D\u0640]`;
const PATTERN = new RegExp(
  [
    // URL
    String.raw`(?:https?:\/\/|www\.)[^\s<>"«»،؛]+[^\s<>"«»،؛.,:;!?)\]}'’]`,
    // email
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    // number with separators: 1,200  3.5  ٣٫٥  ١٬٢٠٠
    String.raw`\p{Nd}+(?:[.,\u066B\u066C]\p{Nd}+)+`,
    // Latin hyphenated word: e-mail, COVID-19
    String.raw`[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+`,
    // plain word
    `${WORD}+`,
  ].join('|'),
  'gu',
);

/** Spans of all tokens, in order. Never throws; lone surrogates are skipped as separators. */
export function tokenizeSpans(text: string): Span[] {
  const out: Span[] = [];
  PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERN.exec(text)) !== null) {
    let start = m.index;
    let end = start + m[0].length;
    // A leading mark or tatweel with no base letter is not a token of its own.
    let s = m[0];
    let lead = 0;
    while (lead < s.length && /[\p{M}\u200C\u200D\u0640]/u.test(s[lead]!)) lead++;
    if (lead === s.length) continue;
    if (lead > 0) {
      start += lead;
      s = s.slice(lead);
    }
    out.push({ text: s, start, end });
  }
  return out;
}
