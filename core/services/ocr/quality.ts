/**
 * When a page's OCR needs the clerk's eyes: mean word confidence under the threshold, or no words at all on a page
 * that should have some (not blank, not a photo: an ID photo or a picture has no text to find).
 */
export function isFlagged(p: { confidence: number | null; words: number; blank: boolean; content: string | null }, threshold: number): boolean {
  if (p.words === 0) return !p.blank && p.content !== 'photo';
  return p.confidence !== null && p.confidence < threshold;
}
