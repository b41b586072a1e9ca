/**
 * A page's stored image as a PDF image XObject, without re-encoding what a PDF can carry as is: a one-strip CCITT
 * G4 TIFF becomes a /CCITTFaxDecode image holding the very strip bytes, a grey or RGB JPEG keeps its DCT bytes
 * (embedJpg), a PNG goes through embedPng. What cannot be carried as is (a TIFF that is not one G4 strip, a CMYK
 * JPEG, a PNG with transparency, forbidden in PDF/A-1) is re-encoded once and reported.
 */
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';
import sharp from 'sharp';
import type { PdfPageInput } from './types';
import { readG4Strip, toG4Strip, type G4Strip } from './tiff-strip';

export interface EmbeddedImage {
  ref: PDFRef;
  /** Pixel size of the image as embedded. */
  width: number;
  height: number;
  /** How it went in: 'ccitt' and 'jpeg' keep the stored bytes; set `reencoded` when they were not kept. */
  kind: 'ccitt' | 'jpeg' | 'png';
  reencoded?: string;
}

export async function embedPageImage(doc: PDFDocument, page: PdfPageInput): Promise<EmbeddedImage> {
  switch (page.mediaType) {
    case 'image/tiff': {
      const read = readG4Strip(page.image);
      if (read.ok) return embedG4(doc, read.strip);
      const strip = await toG4Strip(page.image);
      return { ...embedG4(doc, strip), reencoded: `TIFF ${read.reason}: re-encoded as one G4 strip` };
    }
    case 'image/jpeg': {
      const meta = await sharp(page.image).metadata();
      if (meta.space === 'cmyk' || meta.channels === 4) {
        // A CMYK image would need a CMYK output intent; the document's is sRGB.
        const rgb = await sharp(page.image).toColourspace('srgb').jpeg({ quality: 90 }).toBuffer();
        const image = await doc.embedJpg(rgb);
        return { ref: image.ref, width: image.width, height: image.height, kind: 'jpeg', reencoded: 'CMYK JPEG: re-encoded as sRGB JPEG' };
      }
      const image = await doc.embedJpg(page.image);
      return { ref: image.ref, width: image.width, height: image.height, kind: 'jpeg' };
    }
    case 'image/png': {
      const meta = await sharp(page.image).metadata();
      if (meta.hasAlpha) {
        // An SMask is transparency, which PDF/A-1 forbids: flatten onto white paper.
        const flat = await sharp(page.image).flatten({ background: '#ffffff' }).png().toBuffer();
        const image = await doc.embedPng(flat);
        return { ref: image.ref, width: image.width, height: image.height, kind: 'png', reencoded: 'PNG with alpha: flattened onto white' };
      }
      const image = await doc.embedPng(page.image);
      return { ref: image.ref, width: image.width, height: image.height, kind: 'png' };
    }
  }
}

function embedG4(doc: PDFDocument, strip: G4Strip): EmbeddedImage {
  const stream = doc.context.stream(strip.data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: strip.width,
    Height: strip.height,
    BitsPerComponent: 1,
    ColorSpace: 'DeviceGray',
    Filter: 'CCITTFaxDecode',
    // A min-is-black TIFF codes ink (its 0s) as "white" runs; with BlackIs1 those runs decode to 0, black in DeviceGray.
    DecodeParms: { K: -1, Columns: strip.width, Rows: strip.height, BlackIs1: strip.photometric === 1 },
  });
  return { ref: doc.context.register(stream), width: strip.width, height: strip.height, kind: 'ccitt' };
}
