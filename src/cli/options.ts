/** Options shared by several commands, and parsers for option values. */
import { Option, type Command } from 'commander';
import { UsageError } from './errors.ts';

export function addIndexOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--index <dir>', 'index folder (default: $FAHRAS_INDEX, else ./index-data)'),
  );
}

export function wholeNumber(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    }
    return n;
  };
}

/** Repeatable option: `--author A --author B` → ['A', 'B']. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];
