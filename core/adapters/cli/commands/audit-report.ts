/** `motcua audit verify` in words: the chain's first bad row, then each dossier that disagrees with its history. */
import type { MethodOutput } from '../../../contract/index';
import { t } from '../../../i18n/translate';

export function printAuditReport(r: MethodOutput<'audit.verify'>): void {
  if (r.reason !== null) {
    process.stderr.write(t('errors.AUDIT_BROKEN', { id: r.firstBadId, reason: t(`audit.reasons.${r.reason}`) }) + '\n');
  }
  for (const m of r.mismatches) {
    process.stderr.write(
      t('audit.mismatch', { code: m.code ?? '-', id: m.dossierId, field: t(`audit.fields.${m.field}`), expected: m.expected ?? '-', actual: m.actual ?? '-' }) + '\n',
    );
  }
  // --central: the finding about the head the central system keeps (a cut tail), in words either way.
  if (r.central) (r.central.code ? process.stderr : process.stdout).write(`${r.central.code ? `${r.central.code}: ` : ''}${r.central.message}\n`);
  if (r.mismatchCount > r.mismatches.length) process.stderr.write(t('audit.mismatchMore', { count: r.mismatchCount - r.mismatches.length }) + '\n');
  if (r.ok) process.stdout.write(t('audit.ok', { rows: r.rows, keyed: r.keyed ? t('audit.okKeyed') : '' }) + '\n');
}
