/** `fahras analyze <text>`: shows how the analyzer splits and normalizes a text. */
import type { Command } from 'commander';
import { analyze } from '../../analysis/analyzer.ts';
import { UsageError } from '../errors.ts';

async function readStdin(): Promise<string> {
  let s = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) s += chunk as string;
  return s;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('show the tokens of a text: offsets, stemmed term and exact (normalized) form')
    .argument('[text...]', 'the text (use - or nothing to read standard input)')
    .option('--json', 'print {"tokens":[...]} and nothing else')
    .addHelpText('after', `
Examples:
  fahras analyze "والمسؤولون في سلطنة عُمان"
  fahras analyze --json "هجومٍ على إسرائيل" | jq .tokens[].term
  echo "نص طويل" | fahras analyze -`)
    .action(async (words: string[], opts: { json?: boolean }) => {
      const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
      if (fromStdin && process.stdin.isTTY) throw new UsageError('no text given', 'write the text after the command: fahras analyze "النص"');
      const text = fromStdin ? await readStdin() : words.join(' ');
      // Same shape as GET /api/analyze.
      const tokens = analyze(text).map((t) => ({ text: t.text, start: t.start, end: t.end, term: t.term, exact: t.exact, stop: t.stop }));
      if (opts.json) {
        process.stdout.write(JSON.stringify({ tokens }) + '\n');
        return;
      }
      if (!tokens.length) {
        process.stdout.write('(no tokens)\n');
        return;
      }
      const w = Math.max(4, ...tokens.map((t) => t.text.length));
      process.stdout.write(`${'text'.padEnd(w)}  offsets    term / exact\n`);
      for (const t of tokens) {
        const offsets = `${t.start}-${t.end}`.padEnd(9);
        process.stdout.write(`${t.text.padEnd(w)}  ${offsets}  ${t.term}${t.exact !== t.term ? ` / ${t.exact}` : ''}${t.stop ? '  (stopword)' : ''}\n`);
      }
    });
}
