import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse.ts';
import { QueryError } from '../../src/errors.ts';
import { show } from './show.ts';

// query → compact tree (see show.ts: +must -must_not, [a | b] = OR, (…) = group, field:x, "phrase", x*)
const VALID: [string, string][] = [
  ['عمان', 'عمان'],
  ['عمان الحكومة', 'عمان الحكومة'],
  ['  عمان   ', 'عمان'],
  // LRM/RLM around words separate them; between two letters they are inside the word
  ['\u200Fعمان\u200F قطر\u200E', 'عمان قطر'],
  ['عمان\u200Fقطر', 'عمان\u200Fقطر'],
  ['عمان\u200F قطر', 'عمان قطر'],
  ['+عمان -النفط الحكومة', '+عمان -النفط الحكومة'],
  ['عمان OR قطر', '[عمان | قطر]'],
  ['عمان أو قطر او الكويت', '[عمان | قطر | الكويت]'],
  ['عمان | قطر', '[عمان | قطر]'],
  ['(عمان OR قطر) +اقتصاد', '[عمان | قطر] +اقتصاد'],
  ['+(عمان OR قطر)', '+[عمان | قطر]'],
  ['-(عمان قطر) نفط', '-(عمان قطر) نفط'],
  ['(عمان OR قطر) OR الكويت', '[عمان | قطر | الكويت]'],
  ['((عمان))', 'عمان'],
  ['(+عمان قطر)', '(+عمان قطر)'],
  ['"سلطنة عمان"', '"سلطنة عمان"'],
  ['«سلطنة عمان»', '"سلطنة عمان"'],
  ['“سلطنة عمان”', '"سلطنة عمان"'],
  ['-"سلطنة عمان" مسقط', '-"سلطنة عمان" مسقط'],
  ['اقتص*', 'اقتص*'],
  ['اقتص**', 'اقتص*'],
  ['title:عمان', 'title:عمان'],
  ['TITLE:عمان', 'title:عمان'],
  ['author:"طالب بن سيف الضباري"', 'author:"طالب بن سيف الضباري"'],
  ['الكاتب:"طالب بن سيف"', 'author:"طالب بن سيف"'],
  ['العنوان:عمان المصدر:الوطن', 'title:عمان source:الوطن'],
  ['column:"ولنا كلمة" tag:اقتصاد category:رياضة', 'column:"ولنا كلمة" tag:اقتصاد category:رياضة'],
  ['title:اقتص*', 'title:اقتص*'],
  ['title:(عمان OR مسقط)', '[title:عمان | title:مسقط]'],
  ['title:(عمان author:زيد)', '(title:عمان author:زيد)'],
  ['author: طالب', 'author:طالب'],
  ['+title:عمان', '+title:عمان'],
  ['date:2023', ' date=2023..2023'],
  ['عمان date:2023-12', 'عمان date=2023-12..2023-12'],
  ['date:2023-1..2023-06', ' date=2023-01..2023-06'],
  ['date:2020..', ' date=2020..'],
  ['date:..2020-06', ' date=..2020-06'],
  ['date:٢٠٢٣-١٢', ' date=2023-12..2023-12'],
  ['date:2023/12/05', ' date=2023-12-05..2023-12-05'],
  ['التاريخ:2023', ' date=2023..2023'],
  ['(عمان date:2023) -قطر', 'عمان -قطر date=2023..2023'],
  ['عمان AND قطر', '+عمان +قطر'],
  ['عمان && قطر', '+عمان +قطر'],
  ['عمان AND -قطر', '+عمان -قطر'],
  ['نفط عمان AND قطر', 'نفط +عمان +قطر'],
  ['(عمان AND قطر) OR الكويت', '[(+عمان +قطر) | الكويت]'],
  ['NOT عمان قطر', '-عمان قطر'],
  ['and or not', 'and or not'],
  // forgiving cases
  // an unclosed quote is skipped: plain words (a user still typing; a quote glued inside copied text)
  ['"عمان', 'عمان'],
  ['"سلطنة عمان', 'سلطنة عمان'],
  ['«وزير الخارجية', 'وزير الخارجية'],
  ['"', ''],
  ['عمان "', 'عمان'],
  ['لـ"العربية نت عن', 'لـ العربية نت عن'],
  ['لـ"العربية نت" عن', 'لـ "العربية نت" عن'],
  ['"سلطنة عمان" "مسقط', '"سلطنة عمان" مسقط'],
  ['"title:عمان', 'title:عمان'],
  ['(عمان قطر', '(عمان قطر)'],
  ['(عمان OR قطر', '[عمان | قطر]'],
  ['عمان)', 'عمان'],
  [') عمان (', 'عمان'],
  ['()', ''],
  ['""', ''],
  ['OR عمان', 'عمان'],
  ['عمان OR', 'عمان'],
  ['عمان OR OR قطر', '[عمان | قطر]'],
  ['title:', ''],
  ['عمان title:', 'عمان'],
  ['- عمان', 'عمان'],
  ['+', ''],
  ['AND', ''],
  ['عمان AND', '+عمان'],
  ['عمان NOT', 'عمان'],
  ['عمان OR AND قطر', '+عمان +قطر'],
  ['، ! ؟', ''],
  ['عمان،', 'عمان'],
  ['عمان،قطر', 'عمان قطر'],
  ['عمان؛ قطر,الكويت', 'عمان قطر الكويت'],
  ['1,200 برميل', '1,200 برميل'],
  // unknown field names and URLs are plain text
  ['foo:bar', '"foo:bar"'],
  ['http://example.com/a', 'http://example.com/a'],
  // several tokens in one bare run become a phrase
  ['الشرق-الأوسط', '"الشرق-الأوسط"'],
  ['عمان-', 'عمان'],
];

describe('parseQuery: valid queries', () => {
  it.each(VALID)('%s → %s', (q, tree) => {
    expect(show(parseQuery(q))).toBe(tree);
  });

  it('keeps offsets of nodes in the query string', () => {
    const q = parseQuery('عمان +title:"سلطنة عمان"');
    const [a, b] = q.root.clauses;
    expect(q.text.slice(a!.node.start, a!.node.end)).toBe('عمان');
    expect(q.text.slice(b!.node.start, b!.node.end)).toBe('title:"سلطنة عمان"');
    expect(q.root).toMatchObject({ start: 0, end: q.text.length });
  });

  it('a word node holds the word without glued punctuation', () => {
    const q = parseQuery('«عمان»،');
    expect(q.root.clauses[0]!.node).toMatchObject({ kind: 'phrase', text: 'عمان' });
    expect(parseQuery('عمان؟').root.clauses[0]!.node).toMatchObject({ kind: 'word', text: 'عمان', start: 0, end: 5 });
  });

  it('accepts leap days and several date clauses', () => {
    expect(parseQuery('date:2024-02-29').dateRanges).toEqual([{ from: '2024-02-29', to: '2024-02-29' }]);
    expect(parseQuery('date:2022 date:2024').dateRanges).toEqual([
      { from: '2022', to: '2022' },
      { from: '2024', to: '2024' },
    ]);
  });

  it('allows 32 levels of parentheses', () => {
    const q = '('.repeat(32) + 'عمان' + ')'.repeat(32);
    expect(show(parseQuery(q))).toBe('عمان');
  });
});

// query → error position (0-based offset in the query) and a word of the message
const INVALID: [string, number, RegExp][] = [
  ['date:2023-13', 10, /month 13/],
  ['date:2023-00', 10, /month 00/],
  ['date:2023-02-30', 13, /day 30/],
  ['date:2023-04-31', 13, /day 31/],
  ['date:2023-02-29', 13, /29/],
  ['عمان date:23', 10, /not a date/],
  ['date:2023-1x', 5, /not a date/],
  ['date:abc', 5, /not a date/],
  ['date:..', 5, /at least one end/],
  ['date:2023-06..2023-01', 5, /after it ends/],
  ['date:2023-01..2023-13', 19, /month 13/],
  ['-date:2023', 1, /cannot be excluded/],
  ['-(عمان date:2023)', 7, /cannot be excluded/],
  ['NOT (date:2023)', 5, /cannot be excluded/],
  ['عمان OR date:2023', 8, /OR/],
  ['date:2023 OR عمان', 0, /OR/],
  ['عمان OR -قطر', 8, /one side of OR/],
  ['عمان OR NOT قطر', 8, /one side of OR/],
  ['+عمان OR قطر', 0, /one side of OR/],
  ['ا*', 0, /too short/],
  ['عمان أ*', 5, /too short/],
  ['('.repeat(33) + 'x', 32, /nested more than 32/],
];

describe('parseQuery: invalid queries', () => {
  it.each(INVALID)('%s → QueryError at %i', (q, position, message) => {
    let err: unknown;
    try {
      parseQuery(q);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryError);
    const qe = err as QueryError;
    expect(qe.position).toBe(position);
    expect(qe.message).toMatch(message);
    expect(qe.hint).toBeTruthy();
    expect(qe.status).toBe(400);
    expect(qe.code).toBe('query_syntax');
  });
});
