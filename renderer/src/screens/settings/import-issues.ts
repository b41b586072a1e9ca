/**
 * The rows a catalogue import refused, as the core reports them in error.details: an array of
 * {sheet, row, column, code, params} (older cores wrapped it as {issues: [...]}). Anything else yields none.
 */
export interface ImportIssue {
  sheet: string;
  row: number;
  column: string | undefined;
  code: string;
  params: Record<string, string | number | boolean | null>;
}

function isIssue(v: unknown): v is ImportIssue {
  const o = v as Partial<ImportIssue> | null;
  return typeof o === 'object' && o !== null && typeof o.sheet === 'string' && typeof o.row === 'number' && typeof o.code === 'string';
}

export function importIssues(details: unknown): ImportIssue[] {
  const list = Array.isArray(details) ? details : (details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(list)) return [];
  return list.filter(isIssue).map((i) => ({ ...i, params: i.params ?? {}, column: i.column || undefined }));
}
