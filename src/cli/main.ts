/**
 * Node entry of `subspace-lab` (bin/subspace-lab.mjs loads it through tsx): wires runCli to the process.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run';

// Ctrl-C aborts the streaming path between chunks (it exits 130 and leaves no partial); a second one kills.
const cancel = new AbortController();
process.once('SIGINT', () => cancel.abort());

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  },
  progress: process.stderr.isTTY === true,
  signal: cancel.signal,
});
process.exitCode = code;
