/**
 * XSS payloads as data. Each one, if it ever ran, would set `window.__xss` (or open a dialog), so a
 * test can tell "shown as text" from "executed" without relying on the Content-Security-Policy.
 */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=2;alert(2)">',
  '<svg onload="window.__xss=3;alert(3)"></svg>',
  '"><img src=x onerror=window.__xss=4>',
  "'><svg/onload=window.__xss=5>",
  '<iframe src="javascript:window.parent.__xss=6"></iframe>',
  '<a href="javascript:window.__xss=7">رابط</a>',
  '</mark><img src=x onerror=window.__xss=8><mark>',
  '<mark onmouseover="window.__xss=9">علامة</mark>',
  '&lt;script&gt;window.__xss=10&lt;/script&gt;',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=11>',
  '<details open ontoggle="window.__xss=12">',
  '{{constructor.constructor("window.__xss=13")()}}',
  '<body onload=window.__xss=14>',
];

/** A hostile article: every field carries payloads around a searchable word. */
export function hostileArticle(id: string, word: string, i: number): { id: string; title: string; body: string; author: string; column: string; source: string; category: string; tags: string[]; url: string } {
  const p = XSS_PAYLOADS[i % XSS_PAYLOADS.length]!;
  const q = XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length]!;
  return {
    id,
    title: `${p} ${word} عنوان ${q}`,
    body: `مقدمة ${word} ${p} ثم نص عادي عن المدينة ${q} وخاتمة ${word} ${XSS_PAYLOADS.join(' ')}`,
    author: `${q} كاتب`,
    column: `${p} عمود`,
    source: `<b>مصدر</b>${p}`,
    category: `${q}`,
    tags: [p, `وسم ${word}`],
    url: `https://example.org/${i}?x="><script>window.__xss=99</script>`,
  };
}

/** Allowed markup in API *Html fields: only <mark> and </mark> (no attributes). */
export function tagsOtherThanMark(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).filter((t) => t !== '<mark>' && t !== '</mark>');
}
