#!/usr/bin/env node
// The `motcua` command: loads the TypeScript CLI through tsx (no build step needed after npm install).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/adapters/cli/main.ts');
await main(process.argv);
