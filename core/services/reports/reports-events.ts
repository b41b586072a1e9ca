/**
 * 'reports.changed' for the dashboards (issue #19). PLACEHOLDER: filled by its owner.
 */
import type { ReportsDeps } from './reports-deps';

export class ReportsEvents {
  constructor(private readonly d: ReportsDeps) {
    void this.d;
  }

  close(): void {}
}
