/** Test helpers for the CLI: runCli over an in-memory file system. */
import { runCli } from './run';

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** runCli with `files` as the file system ('dir' is a directory); returns the exit status and what was printed. */
export async function runInMemory(argv: string[], files: Record<string, Uint8Array> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => {
      if (path === 'dir') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      const b = files[path];
      if (!b) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return b;
    },
  });
  return { code, stdout, stderr };
}
