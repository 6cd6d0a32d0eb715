/** The end-of-ingest summary, for people (text) or scripts (--json). */
import type { IngestSummary } from '../ingest/ingest.ts';
import type { ReadProblem } from '../ingest/types.ts';

export function problemLine(p: ReadProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.severity === 'skip' ? 'skipped' : 'warning'}: ${p.reason}${p.detail ? ` (${p.detail})` : ''}`;
}

export function summaryText(s: IngestSummary, seconds: number): string {
  const lines = [
    `Read ${s.read} articles from ${s.files} file${s.files === 1 ? '' : 's'} in ${seconds.toFixed(1)} s` +
      (s.read && seconds > 0 ? ` (${Math.round(s.read / seconds)}/s)` : ''),
  ];
  if (s.added + s.updated + s.unchanged + s.duplicates > 0 || s.read === 0) {
    lines.push(
      `  added:      ${s.added}`,
      `  updated:    ${s.updated}`,
      `  unchanged:  ${s.unchanged}`,
      `  duplicates: ${s.duplicates}  (same body as another article; not indexed again)`,
    );
  }
  const skipped = Object.entries(s.skipped);
  const total = skipped.reduce((n, [, c]) => n + c, 0);
  lines.push(`  skipped:    ${total}`);
  for (const [reason, n] of skipped.sort((a, b) => b[1] - a[1])) lines.push(`    ${reason}: ${n}`);
  const warned = Object.entries(s.warnings);
  if (warned.length) {
    lines.push('  warnings (article kept):');
    for (const [reason, n] of warned.sort((a, b) => b[1] - a[1])) lines.push(`    ${reason}: ${n}`);
  }
  if (s.ignoredFiles) lines.push(`  files ignored (unknown extension inside folders): ${s.ignoredFiles}`);
  return lines.join('\n') + '\n';
}
