/**
 * The process the kill -9 test kills: a core that runs the OCR queue (one worker) on the data folder given, until
 * it is killed. Run with `node --import tsx kill-child.ts <dataDir>`.
 */
import { createCore } from '../../../core/app';
import { TEST_HASH_COST } from '../../helpers/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: kill-child.ts <dataDir>');
await createCore({ dataDir, logLevel: 'warn', authPolicy: { hashCost: TEST_HASH_COST }, ocr: { run: true, workers: 1, pollMs: 200 } });
process.stdout.write('started\n');
// Kept alive by the runner's work; this timer only keeps an idle core from exiting before it is killed.
setInterval(() => undefined, 60_000);
