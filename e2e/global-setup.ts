/** Before every e2e run: a fresh CLI report cache and freshly written fixtures. */
import { mkdirSync, rmSync } from 'node:fs';
import { ARTIFACTS, CLI_CACHE } from './helpers';
import { writeFixtures } from './fixtures';

export default function globalSetup(): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  rmSync(CLI_CACHE, { force: true });
  writeFixtures();
}
