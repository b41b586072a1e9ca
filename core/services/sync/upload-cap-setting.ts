/**
 * The `sync.bytesPerSecond` setting: the upload cap for counters on weak links (postal counters), bytes per second,
 * or null (unset) for no cap. Read by the sync service at every round (sync-setup.ts clientFor), and a new cap
 * re-rates the process's one upload bucket (throttle.ts), so a change applies from the next round without a restart.
 */
import { AppError } from '../../contract/errors';
import type { SettingRule } from '../settings/registry';
import type { SettingsService } from '../settings/settings-service';

export const UPLOAD_CAP_SETTING = 'sync.bytesPerSecond';

export const uploadCapRule: SettingRule = {
  validate(v) {
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw new AppError('SETTINGS_SYNC_BAD_RATE', {}, { field: 'value' });
  },
};

/** The cap now in force (null: none). A stored value the rule would refuse counts as none. */
export function uploadCap(settings: Pick<SettingsService, 'get'>): number | null {
  const v = settings.get<unknown>(UPLOAD_CAP_SETTING);
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : null;
}
