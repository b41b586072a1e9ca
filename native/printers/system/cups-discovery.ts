/**
 * The CUPS destinations this machine can print to, as system: printers. `lpstat -e` names every destination
 * (classes and remote queues included); `lpstat -v` adds each one's device URI, shown as the detail.
 */
import { formatPrinterUri } from '../printer-uri';
import type { DiscoveredPrinterInfo } from '../types';
import { parseDestinations, parseDevices, runProgram } from './cups';

export interface CupsListOptions {
  timeoutMs: number;
  lpstat?: string;
  env?: NodeJS.ProcessEnv;
}

/** Throws when lpstat is missing or the scheduler does not answer (the caller logs and goes on without CUPS). */
export async function listCupsPrinters(o: CupsListOptions): Promise<DiscoveredPrinterInfo[]> {
  const lpstat = o.lpstat ?? 'lpstat';
  const [dests, devices] = await Promise.all([
    runProgram(lpstat, ['-e'], { timeoutMs: o.timeoutMs, env: o.env }),
    runProgram(lpstat, ['-v'], { timeoutMs: o.timeoutMs, env: o.env }),
  ]);
  if (dests.missing) throw new Error('lpstat is not installed (no CUPS client)');
  if (dests.timedOut) throw new Error(`lpstat -e did not answer within ${o.timeoutMs} ms`);
  // "No destinations added" is an answer (none), anything else on a failed run is a fault.
  if (dests.code !== 0 && !/No destinations added/i.test(dests.stderr)) throw new Error(`lpstat -e: ${dests.stderr.trim() || `exit ${dests.code}`}`);
  const deviceOf = new Map(parseDevices(devices.stdout).map((d) => [d.name, d.device]));
  return parseDestinations(dests.stdout).map((name) => ({
    uri: formatPrinterUri({ kind: 'system', name }),
    name,
    transport: 'system' as const,
    detail: deviceOf.get(name) ?? null,
  }));
}
