/**
 * Asking for a new password on the command line: twice, not echoed on a terminal; from a pipe, the
 * first two lines (so scripts can pipe it in rather than put it on the command line, where the shell's
 * history and `ps` would keep it).
 */
import { createInterface } from 'node:readline';

/** Reads a new password and its confirmation; rejects when they differ or the input ends first. */
export async function readNewPassword(input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<string> {
  const terminal = input.isTTY === true;
  const rl = createInterface({ input, output: process.stderr, terminal });
  // On a terminal, readline would echo each key: write the prompts ourselves and nothing else.
  if (terminal) (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string> => {
    process.stderr.write(prompt);
    const next = await lines.next();
    if (terminal) process.stderr.write('\n');
    if (next.done) throw new Error('--password: no password given (the input ended)');
    return next.value;
  };
  try {
    const first = await ask('Password (at least 10 characters, not shown): ');
    const second = await ask('The same password again: ');
    if (first !== second) throw new Error('--password: the two passwords differ; nothing was created');
    return first;
  } finally {
    rl.close();
  }
}
