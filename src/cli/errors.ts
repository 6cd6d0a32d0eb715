/**
 * How the CLI reports failures: user errors (FahrasError, bad options) as plain sentences with
 * what to do, exit code 1; unexpected errors with a one-line message and, only with
 * FAHRAS_DEBUG=1, the stack.
 */
import { FahrasError } from '../errors.ts';

/** A mistake in how the command was called (bad option value, missing file). */
export class UsageError extends FahrasError {
  constructor(message: string, hint?: string) {
    super(message, 400, 'usage', hint);
  }
}

export function reportError(err: unknown, write: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (err instanceof FahrasError) {
    write(`fahras: ${err.message}\n`);
    if (err.hint) write(`  what to do: ${err.hint}\n`);
    return 1;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && (e.code === 'EACCES' || e.code === 'EPERM')) {
    write(`fahras: permission denied: ${e.path ?? e.message}\n  what to do: check that you can write there, or use --index with another folder\n`);
    return 1;
  }
  if (e && e.code === 'ENOSPC') {
    write(`fahras: the disk is full (${e.path ?? ''})\n  what to do: free some space and run the command again\n`);
    return 1;
  }
  if (e && e.code === 'EADDRINUSE') {
    write(`fahras: the port is already in use (${e.message})\n  what to do: stop the other server or choose another port with --port\n`);
    return 1;
  }
  write(`fahras: unexpected error: ${e?.message ?? String(err)}\n`);
  if (process.env.FAHRAS_DEBUG) write(`${e?.stack ?? ''}\n`);
  else write('  (set FAHRAS_DEBUG=1 to see the stack trace, and please report it)\n');
  return 2;
}
