#!/usr/bin/env node
// The reference central server and its admin commands (`npm run central -- …`), loaded through tsx like `motcua`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../central/cli.ts');
await main(process.argv);
