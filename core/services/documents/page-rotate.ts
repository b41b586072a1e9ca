/**
 * A clerk's quarter turns, made with sharp (libvips runs on its own threads: the core's event loop only awaits).
 * The master (grayscale PNG) is turned losslessly. The stored image is turned itself rather than re-made from the
 * master: the master is grayscale, so a colour page re-made from it would lose its colour; a G4 page stays bilevel
 * G4 (lossless), a JPEG is re-encoded once. The thumbnail is made again from the turned image.
 */

export const THUMB_WIDTH_PX = 240;

export interface TurnedImages {
  image: Buffer;
  master: Buffer;
  thumb: Buffer;
}

export async function turnImages(src: { image: Buffer; imageType: string; master: Buffer }, quarterTurns: 1 | 2 | 3): Promise<TurnedImages> {
  // Loaded on first use: most starts (CLI commands) never turn a page.
  const { default: sharp } = await import('sharp');
  const angle = quarterTurns * 90;
  const turned = sharp(src.image).rotate(angle);
  const image =
    src.imageType === 'image/tiff'
      ? await turned.toColourspace('b-w').tiff({ compression: 'ccittfax4', bitdepth: 1 }).toBuffer()
      : src.imageType === 'image/png'
        ? await turned.png().toBuffer()
        : await turned.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  const master = await sharp(src.master).rotate(angle).toColourspace('b-w').png().toBuffer();
  const thumb = await sharp(image).resize({ width: THUMB_WIDTH_PX, withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 70 }).toBuffer();
  return { image, master, thumb };
}
