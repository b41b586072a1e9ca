/**
 * The `sync.statusMap` setting: local dossier state → TrangThaiHoSo for the central system (core/domain/sync/dvcqg.ts).
 * A partial map over the default; null or unset: the default. The official code list is the portal's, so an
 * administrator may set it without a release (domain.md: "a configured mapping, not constants").
 */
import { AppError } from '../../contract/errors';
import { statusMapProblem } from '../../domain/sync/dvcqg';
import type { SettingRule } from '../settings/registry';

export { STATUS_MAP_SETTING } from '../../domain/sync/dvcqg';

export const statusMapRule: SettingRule = {
  validate(value) {
    const problem = statusMapProblem(value);
    if (problem !== null) throw new AppError('SYNC_BAD_STATUS_MAP', { problem: problem.slice(0, 80) }, { field: 'value' });
  },
};
