/**
 * The query language → syntax tree (src/contracts.ts). Recursive descent over lexQuery's tokens,
 * O(n) overall; nesting is capped at MAX_DEPTH so no input can blow the stack.
 *
 *   query   := clause (AND? clause)*             AND = `AND`, `&&`: both sides become must
 *   clause  := ['+' | '-' | NOT] alt
 *   alt     := primary (OR primary)*            OR = `OR`, `أو`, `او`, `|`
 *   primary := '(' clause* ')' | field? (word | word* | "phrase" | '(' clause* ')')
 *
 * Forgiving where intent is clear (see docs/design/query-highlight.md): an unclosed quote is
 * skipped (the words after it are plain words), an unclosed `(` closes at the end, a stray `)` or dangling OR is ignored, an unknown
 * `name:` is plain text, `field:` with nothing after it is ignored. Errors (QueryError with the
 * offset) only where intent is unclear: a bad date, `+`/`-` on one side of OR, `-date:`, a
 * one-letter prefix `a*`, nesting deeper than MAX_DEPTH.
 */
import type { Clause, FieldName, ParsedQuery, QueryNode } from '../contracts.ts';
import { QueryError } from '../errors.ts';
import { tokenizeSpans } from '../analysis/tokenize.ts';
import { normalizeTerm } from '../analysis/analyzer.ts';
import { lexQuery, type LexToken } from './lex.ts';
import { parseDateValue, type DateRange } from './dates.ts';
import type { QueryField } from './fields.ts';

export const MAX_DEPTH = 32;
/** A prefix must have at least this many normalized characters (`ا*` would match everything). */
export const MIN_PREFIX = 2;

type Group = Extract<QueryNode, { kind: 'group' }>;

class Parser {
  private i = 0;
  /** How many must_not clauses enclose the current position. */
  private negations = 0;
  readonly dateRanges: DateRange[] = [];

  constructor(
    private readonly q: string,
    private readonly toks: LexToken[],
  ) {}

  parse(): ParsedQuery {
    const clauses = this.clauses(0, false);
    const root: Group = { kind: 'group', clauses, start: 0, end: this.q.length };
    return { text: this.q, root, dateRanges: this.dateRanges };
  }

  private peek(): LexToken | undefined {
    return this.toks[this.i];
  }

  /** Clauses until `)` (consumed when inGroup) or the end. Stray `)` at top level is skipped. */
  private clauses(depth: number, inGroup: boolean): Clause[] {
    const out: Clause[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined) return out; // an unclosed group closes at the end
      if (t.t === 'rparen') {
        this.i++;
        if (inGroup) return out;
        continue; // a ")" with no "(": ignored
      }
      if (t.t === 'or') {
        this.i++; // OR with nothing on its left: ignored
        continue;
      }
      if (t.t === 'and') {
        // a AND b: both sides required (a bare side becomes must; -x stays must_not).
        this.i++;
        const prev = out[out.length - 1];
        if (prev && prev.occur === 'should') prev.occur = 'must';
        const nextTok = this.peek();
        if (nextTok && nextTok.t !== 'rparen' && nextTok.t !== 'and' && nextTok.t !== 'or') {
          const c = this.clause(depth);
          if (c) out.push(c.occur === 'should' ? { occur: 'must', node: c.node } : c);
        }
        continue;
      }
      const c = this.clause(depth);
      if (c) out.push(c);
    }
  }

  private clause(depth: number): Clause | null {
    let occur: Clause['occur'] = 'should';
    const opTok = this.peek();
    if (opTok?.t === 'op') {
      occur = opTok.op === '+' ? 'must' : 'must_not';
      this.i++;
    }
    // Inside any must_not subtree (also `-(… date:…)`) a date cannot apply.
    const negated = occur === 'must_not' || this.negations > 0;
    if (occur === 'must_not') this.negations++;
    try {
      return this.alternatives(depth, occur, opTok, negated);
    } finally {
      if (occur === 'must_not') this.negations--;
    }
  }

  private alternatives(depth: number, occur: Clause['occur'], opTok: LexToken | undefined, negated: boolean): Clause | null {
    const first = this.primary(depth, negated);
    const children: QueryNode[] = first ? [first] : [];
    while (this.peek()?.t === 'or') {
      const orTok = this.peek()!;
      this.i++;
      const next = this.peek();
      if (next === undefined || next.t === 'rparen') break; // dangling OR: ignored
      if (next.t === 'or') continue;
      if (next.t === 'and') break; // `a OR AND b`: the OR dangles
      if (next.t === 'op' || opTok?.t === 'op') {
        const at = next.t === 'op' ? next.start : opTok!.start;
        throw new QueryError(
          '+, - or NOT cannot mark one side of OR',
          at,
          'Group the alternatives and mark the group: +(a OR b) or -(a OR b).',
        );
      }
      const node = this.primary(depth, negated, orTok.start);
      if (node) children.push(node);
    }
    if (children.length === 0) return null;
    if (children.length === 1) return { occur, node: children[0]! };
    const flat: QueryNode[] = [];
    for (const ch of children) {
      if (ch.kind === 'or') for (const g of ch.children) flat.push(g); // no spread: may be huge
      else flat.push(ch);
    }
    return { occur, node: { kind: 'or', children: flat, start: flat[0]!.start, end: flat[flat.length - 1]!.end } };
  }

  /** One term or group; null when it has no searchable content (punctuation only, a date, `()`). */
  private primary(depth: number, negated: boolean, orAt = -1): QueryNode | null {
    const t = this.peek();
    if (t === undefined) return null;
    if (t.t === 'field') {
      this.i++;
      const v = this.peek();
      if (v === undefined || v.t === 'rparen' || v.t === 'or' || v.t === 'and' || v.t === 'field' || v.t === 'op') return null; // `field:` alone
      if (t.field === 'date') return this.date(t, v, negated, orAt);
      const node = this.primary(depth, negated, orAt);
      return node ? withField(node, t.field, t.start) : null;
    }
    if (t.t === 'lparen') {
      if (depth >= MAX_DEPTH) {
        throw new QueryError(`parentheses are nested more than ${MAX_DEPTH} deep`, t.start, `Use at most ${MAX_DEPTH} levels of ( ).`);
      }
      this.i++;
      const clauses = this.clauses(depth + 1, true);
      const prev = this.toks[this.i - 1];
      const end = prev && prev.t === 'rparen' && prev.start >= t.start ? prev.end : this.q.length;
      if (clauses.length === 0) return null;
      if (clauses.length === 1 && clauses[0]!.occur === 'should') return clauses[0]!.node;
      return { kind: 'group', clauses, start: t.start, end };
    }
    if (t.t === 'phrase') {
      this.i++;
      return phraseNode(t.text, t.start, t.end);
    }
    if (t.t === 'run') {
      this.i++;
      return runNode(t.text, t.start, t.end);
    }
    // op / or / rparen here are handled by the callers; skip anything else defensively.
    this.i++;
    return null;
  }

  private date(fieldTok: LexToken, v: LexToken, negated: boolean, orAt: number): null {
    this.i++;
    if (negated) {
      throw new QueryError('a date cannot be excluded with -', fieldTok.start, 'Use a range instead, e.g. date:2020..2022 date:2024..');
    }
    if (orAt >= 0 || this.peek()?.t === 'or') {
      throw new QueryError('date: cannot be an alternative of OR', fieldTok.start, 'Put date: outside the OR: (a OR b) date:2023.');
    }
    if (v.t === 'run') this.dateRanges.push(parseDateValue(v.text, v.start));
    else if (v.t === 'phrase') this.dateRanges.push(parseDateValue(v.text.trim(), v.start + 1));
    else throw new QueryError('date: needs a value', v.start, 'Write date:2023, date:2023-12 or date:2023-01..2023-06.');
    return null;
  }
}

/** A bare run → word, prefix (`word*`), phrase (several tokens, e.g. `الشرق-الأوسط`), or null. */
function runNode(text: string, start: number, end: number): QueryNode | null {
  let cut = text.length;
  while (cut > 0 && text.charCodeAt(cut - 1) === 0x2a) cut--; // trailing * (U+002A)
  const core = text.slice(0, cut);
  const stars = text.length - cut;
  const spans = tokenizeSpans(core);
  if (spans.length === 0) return null;
  if (spans.length > 1) return { kind: 'phrase', text: core, start, end };
  const word = spans[0]!.text;
  if (stars > 0) {
    if ([...normalizeTerm(word)].length < MIN_PREFIX) {
      throw new QueryError(`prefix "${word}*" is too short`, start, `A prefix needs at least ${MIN_PREFIX} letters before *.`);
    }
    return { kind: 'prefix', text: word, start, end };
  }
  return { kind: 'word', text: word, start, end };
}

function phraseNode(text: string, start: number, end: number): QueryNode | null {
  const inner = text.trim();
  if (tokenizeSpans(inner).length === 0) return null;
  return { kind: 'phrase', text: inner, start, end };
}

/** Restricts a node (and every leaf inside a group) to `field`; an inner field wins. */
function withField(node: QueryNode, field: QueryField, start: number): QueryNode {
  const f = field as FieldName;
  const apply = (n: QueryNode): QueryNode => {
    switch (n.kind) {
      case 'word':
      case 'phrase':
      case 'prefix':
        return n.field ? n : { ...n, field: f };
      case 'or':
        return { ...n, children: n.children.map(apply) };
      case 'group':
        return { ...n, clauses: n.clauses.map((c) => ({ occur: c.occur, node: apply(c.node) })) };
    }
  };
  const out = apply(node);
  return { ...out, start };
}

/** Parses a query string. Throws QueryError (with the offset and a hint) for an invalid query. */
export function parseQuery(text: string): ParsedQuery {
  if (typeof text !== 'string') throw new QueryError('the query must be a string', 0, 'Pass q as text.');
  return new Parser(text, lexQuery(text)).parse();
}
