/**
 * A snippet cut into plain and highlighted parts from the core's [start, end) offsets (UTF-16 units). Offsets are
 * sorted, clipped to the text and merged where they touch, so a bad or overlapping range never drops or repeats text.
 */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export function snippetParts(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetPart[] {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, Math.min(s, snippet.length)), Math.max(0, Math.min(e, snippet.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) parts.push({ text: snippet.slice(at, s), mark: false });
    parts.push({ text: snippet.slice(s, e), mark: true });
    at = e;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}
