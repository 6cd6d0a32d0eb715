/** parseSearchParams: query-string values → SearchRequest, and every rule that rejects a value. */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import { parseSearchParams } from '../../src/server/params.ts';
import { parseQueryString } from '../../src/server/url-encoding.ts';
import { partialDateProblem, rangeEnd, rangeStart } from '../../src/server/dates.ts';

describe('parseSearchParams accepts', () => {
  const cases: [string, Record<string, unknown>, object][] = [
    ['nothing: browse, page 1, size 10', {}, { q: '', page: 1, size: 10 }],
    ['a query', { q: 'مصر' }, { q: 'مصر', page: 1, size: 10 }],
    ['numbers as strings or numbers (CLI)', { q: 'x', page: '3', size: 25 }, { q: 'x', page: 3, size: 25 }],
    ['repeated filters', { author: ['أ', 'ب'], source: 'س' }, { q: '', page: 1, size: 10, filters: { author: ['أ', 'ب'], source: ['س'] } }],
    ['dates of every precision', { from: '2015', to: '2016-02-29' }, { q: '', page: 1, size: 10, filters: { from: '2015', to: '2016-02-29' } }],
    ['from equal to to', { from: '2015-07', to: '2015-07' }, { q: '', page: 1, size: 10, filters: { from: '2015-07', to: '2015-07' } }],
    ['sort', { sort: 'newest' }, { q: '', page: 1, size: 10, sort: 'newest' }],
    ['facets comma-separated, repeated, deduplicated', { facets: ['author,year', 'author'] }, { q: '', page: 1, size: 10, facets: ['author', 'year'] }],
    ['collapse=false', { collapse: 'false' }, { q: '', page: 1, size: 10, collapse: false }],
    ['empty values as absent (empty form fields)', { q: '', author: '', from: '', sort: '' }, { q: '', page: 1, size: 10 }],
    ['size 100, the maximum', { size: '100' }, { q: '', page: 1, size: 100 }],
    ['a 1000-character query', { q: 'ب'.repeat(1000) }, { q: 'ب'.repeat(1000), page: 1, size: 10 }],
  ];
  it.each(cases)('%s', (_name, query, expected) => {
    expect(parseSearchParams(query)).toEqual(expected);
  });
});

describe('parseSearchParams rejects, saying what to fix', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['size 10000', { size: '10000' }, /size must be at most 100/],
    ['size 0', { size: '0' }, /size must be at least 1/],
    ['page 0', { page: '0' }, /page must be at least 1/],
    ['page not a number', { page: 'two' }, /page must be a whole number/],
    ['negative page', { page: '-1' }, /page must be a whole number/],
    ['fractional size', { size: '2.5' }, /size must be a whole number/],
    ['paging past 10000', { page: '101', size: '100' }, /goes past result 10000/],
    ['unknown sort', { sort: 'best' }, /sort must be one of relevance, newest, oldest/],
    ['a 1001-character query', { q: 'ب'.repeat(1001) }, /q must be at most 1000 characters/],
    ['q twice', { q: ['a', 'b'] }, /q was given 2 times; give it once/],
    ['unknown parameter', { qq: 'x' }, /unknown parameter "qq"/],
    ['__proto__ as a parameter', JSON.parse('{"__proto__": "x"}'), /unknown parameter "__proto__"/],
    ['a date that is not a date', { from: 'yesterday' }, /use YYYY, YYYY-MM or YYYY-MM-DD/],
    ['month 13', { from: '2015-13' }, /month 13; months run 01 to 12/],
    ['February 30', { to: '2015-02-30' }, /2015-02 has days 01 to 28/],
    ['February 29 of a common year', { to: '2015-02-29' }, /days 01 to 28/],
    ['from after to', { from: '2016', to: '2015-12' }, /from \(2016\) is after to \(2015-12\)/],
    ['unknown facet', { facets: 'author,colour' }, /facets must be a comma-separated list of author/],
    ['collapse=maybe', { collapse: 'maybe' }, /collapse must be true or false/],
    ['too many author values', { author: Array.from({ length: 21 }, (_, i) => `a${i}`) }, /at most 20 author values/],
    ['an over-long filter value', { tag: 'x'.repeat(301) }, /each tag value must be at most 300 characters/],
  ];
  it.each(cases)('%s', (_name, query, message) => {
    let error: unknown;
    try {
      parseSearchParams(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(message);
    expect((error as ValidationError).status).toBe(400);
  });

  it('lists every problem at once', () => {
    expect(() => parseSearchParams({ size: '0', page: '0', sort: 'x' })).toThrow(/sort.*page.*size|sort.*size|page.*size/);
  });
});

describe('partial dates', () => {
  it.each([
    ['2015', '2015-01-01', '2015-12-31'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2015-02', '2015-02-01', '2015-02-28'],
    ['2015-07-21', '2015-07-21', '2015-07-21'],
  ])('%s covers %s to %s', (d, start, end) => {
    expect(partialDateProblem(d)).toBeUndefined();
    expect(rangeStart(d)).toBe(start);
    expect(rangeEnd(d)).toBe(end);
  });
  it.each(['15', '2015-7', '2015-07-1', '2015/07/21', '2015-00', '2015-04-31', '٢٠١٥'])('%s is refused', (d) => {
    expect(partialDateProblem(d)).toBeTypeOf('string');
  });
});

describe('parseQueryString', () => {
  it('decodes UTF-8 percent-encoding and + as space, and collects repeats', () => {
    const q = parseQueryString('q=%D9%85%D8%B5%D8%B1+%D8%A7%D9%84%D9%8A%D9%88%D9%85&author=a&author=b&empty=&flag');
    expect(q).toEqual({ q: 'مصر اليوم', author: ['a', 'b'], empty: '', flag: '' });
  });
  it('has no prototype, so __proto__ is an ordinary key', () => {
    const q = parseQueryString('__proto__=x&constructor=y');
    expect(Object.getPrototypeOf(q)).toBeNull();
    expect(q.__proto__).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it.each(['q=%', 'q=%E0%A4%A', 'q=%ZZ', '%D9=x', 'q=%C0%80'])('refuses broken encoding %s', (qs) => {
    expect(() => parseQueryString(qs)).toThrow(/not valid percent-encoded UTF-8/);
  });
});
