/** Reads a scan stream to its end: the pages it gave, and the scanner error that stopped it (if any). */
import { ScanError, type ScannedPage } from '../../native/scanners/scanner';

export async function drain(it: AsyncIterable<ScannedPage>): Promise<{ pages: ScannedPage[]; error: ScanError | null }> {
  const pages: ScannedPage[] = [];
  try {
    for await (const p of it) pages.push(p);
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    return { pages, error: e };
  }
  return { pages, error: null };
}
