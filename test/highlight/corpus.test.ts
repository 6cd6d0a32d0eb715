import { describe, expect, it } from 'vitest';
import { hasCorpus, loadCorpus } from '../../bench/corpus.ts';
import { highlightHtml, snippetHtml } from '../../src/highlight/highlight.ts';
import { parseQuery } from '../../src/query/parse.ts';
import { matchSpecFromQuery } from '../../src/query/match-spec.ts';
import { analyze } from '../../src/analysis/analyzer.ts';

const shared = hasCorpus();
if (!shared) console.warn('test/highlight/corpus.test.ts: SKIPPED (../shared/corpus not found beside the checkout)');

const unmark = (html: string) => html.replace(/<\/?mark>/g, '');
const unescape = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe.skipIf(!shared)('highlighting real articles (../shared/corpus)', () => {
  const docs = shared ? loadCorpus(3000).filter((_, i) => i % 10 === 0) : [];

  it('marks title words in the body on token boundaries and gives back the original text', () => {
    let withMark = 0;
    for (const a of docs) {
      const words = analyze(a.title).filter((t) => !t.stop).slice(0, 2).map((t) => t.text);
      if (words.length === 0) continue;
      const spec = matchSpecFromQuery(parseQuery(words.join(' ')));
      const html = highlightHtml(a.body, spec);
      expect(unescape(unmark(html))).toBe(a.body);
      expect(html).not.toMatch(/<(?!\/?mark>)/); // the only tags are marks
      const starts = new Set(analyze(a.body).map((t) => t.start));
      let orig = 0;
      for (const part of html.split(/(<\/?mark>)/)) {
        if (part === '<mark>') expect(starts.has(orig)).toBe(true);
        else if (part !== '</mark>') orig += unescape(part).length;
      }
      const snippet = snippetHtml(a.body, spec, { fragments: 2, words: 24 });
      const flat = a.body.replace(/\s+/g, ' ');
      for (const frag of unescape(unmark(snippet)).split(' … ')) {
        expect(flat).toContain(frag.replace(/^… /, '').replace(/ …$/, ''));
      }
      if (html.includes('<mark>')) {
        withMark++;
        expect(snippet).toContain('<mark>');
      }
    }
    expect(withMark).toBeGreaterThan(docs.length / 3);
  });
});
