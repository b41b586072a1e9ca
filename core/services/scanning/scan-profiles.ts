/**
 * A counter's remembered scan choices (`scanning.profiles`, a setting only scans.saveProfile writes): the default
 * device and settings, and one profile per procedure, so the picker opens on what this counter used last for it.
 * Any counter role saves them: they are the clerk's working preference, not configuration.
 */
import { AppError } from '../../contract/errors';
import { scanProfilesSchema, type ScanProfile, type ScanProfiles } from '../../contract/scans';
import type { Actor } from '../actor';
import { parseDeviceUri } from '../../../native/scanners/device-uri';
import type { SettingsService } from '../settings/settings-service';
import { SCAN_PROFILES_KEY } from './scanner-settings';

/** Procedures a counter keeps a profile for; more is a client gone wrong, not a counter's work. */
export const MAX_SCAN_PROFILES = 500;

export class ScanProfileStore {
  constructor(private readonly settings: Pick<SettingsService, 'get' | 'set'>) {}

  /** The stored profiles; a stored value that no longer parses reads as none (the clerk picks again). */
  get(): ScanProfiles {
    const parsed = scanProfilesSchema.safeParse(this.settings.get(SCAN_PROFILES_KEY));
    return parsed.success ? parsed.data : { default: null, procedures: [] };
  }

  /** Saves (or, with profile null, forgets) the default profile (procedureCode null) or a procedure's. */
  save(actor: Actor, procedureCode: string | null, profile: ScanProfile | null): ScanProfiles {
    if (profile) {
      // The same URI rule as scanning: a profile that names no backend would fail only at the next scan.
      const { kind, id } = parseDeviceUri(profile.device);
      profile = { ...profile, device: `${kind}:${id}` };
    }
    const current = this.get();
    let next: ScanProfiles;
    if (procedureCode === null) next = { default: profile, procedures: current.procedures };
    else {
      const procedures = current.procedures.filter((p) => p.procedureCode !== procedureCode);
      if (profile) procedures.push({ procedureCode, ...profile });
      if (procedures.length > MAX_SCAN_PROFILES) throw new AppError('SETTINGS_TOO_MANY_SCAN_PROFILES', { max: MAX_SCAN_PROFILES }, { field: 'procedureCode' });
      next = { default: current.default, procedures };
    }
    this.settings.set(actor, SCAN_PROFILES_KEY, next);
    return next;
  }
}
