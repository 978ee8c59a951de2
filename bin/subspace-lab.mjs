#!/usr/bin/env node
// Loads the TypeScript CLI through tsx's loader, so the CLI and the app share one source tree.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
