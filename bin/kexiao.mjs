#!/usr/bin/env node
// Entry point for `npx kexiao`: the sources are TypeScript, run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
