/**
 * The scans.* methods the device directory answers: devices, capabilities, and the counter's scan profiles. The scan
 * service's handlers spread these in beside start/cancel/job.
 */
import type { scansContract } from '../../contract/scans';
import type { Handlers } from '../../rpc/handlers';
import type { DeviceDirectory } from './device-directory';

export type ScansDirectoryHandlers = Pick<Handlers<typeof scansContract>, 'devices' | 'capabilities' | 'profiles' | 'saveProfile'>;

export function scansDirectoryHandlers(directory: DeviceDirectory): ScansDirectoryHandlers {
  return {
    devices: (input) => directory.list({ refresh: input.refresh }),
    capabilities: (input) => directory.capabilities(input.device),
    profiles: () => directory.profiles.get(),
    saveProfile: (input, ctx) => directory.profiles.save(ctx.actor, input.procedureCode, input.profile),
  };
}
