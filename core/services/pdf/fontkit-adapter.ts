/**
 * @pdf-lib/fontkit (already a dependency, used by the forms) for @cantoo/pdf-lib. The fork calls a subset's
 * `encode()` with no argument when the method exists (as @cantoo/fontkit and fontkit 2 define it), but
 * @pdf-lib/fontkit's `encode(stream)` needs its stream and crashes; its `encodeStream()` works. Each subset is
 * therefore handed over showing only `includeGlyph` and `encodeStream`, so the fork takes its stream path.
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';

type CantooFontkit = Parameters<PDFDocument['registerFontkit']>[0];

export const streamingFontkit: CantooFontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset();
        return {
          includeGlyph: (glyph: Parameters<typeof subset.includeGlyph>[0]) => subset.includeGlyph(glyph),
          encodeStream: () => subset.encodeStream(),
        };
      },
    }) as unknown as ReturnType<CantooFontkit['create']>;
  },
};
