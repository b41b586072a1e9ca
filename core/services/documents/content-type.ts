/**
 * What a file is, by its content: magic bytes (the file-type library) plus a sniff of text-like content for
 * HTML, scripts and SVG, which have no magic number. An attachment is accepted only when its content is of a
 * type its checklist item expects and its extension says the same thing; executables and scripts never are.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import { DEFAULT_FILE_TYPES } from '../../domain/catalogue/schema';
import { extensionOf } from './file-names';

export interface DetectedType {
  ext: string;
  mime: string;
}

/** A checklist item that names no file types accepts scans and photos: PDF, JPEG, PNG, TIFF. */
export const DEFAULT_ACCEPTED_TYPES = DEFAULT_FILE_TYPES;

/** Extensions that name the same type. */
const SAME_TYPE: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', tiff: 'tif', htm: 'html' };
const canonical = (ext: string): string => SAME_TYPE[ext] ?? ext;

/** Content types that run code: refused whatever a catalogue says. */
const DANGEROUS_DETECTED = new Set(['exe', 'elf', 'macho', 'class', 'swf', 'wasm', 'apk', 'dex', 'lnk', 'jar', 'deb', 'rpm', 'msi', 'dmg', 'html', 'js', 'script', 'svg-script']);
/** Names that Windows or a browser would run or render as a page: refused whatever the content. */
const DANGEROUS_EXTENSIONS = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'bat', 'cmd', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs',
  'wsf', 'wsh', 'hta', 'html', 'htm', 'xhtml', 'shtml', 'svg', 'svgz', 'php', 'phtml', 'jsp', 'asp', 'aspx', 'sh', 'bash', 'py',
  'pl', 'rb', 'jar', 'apk', 'lnk', 'reg', 'inf', 'scf', 'url', 'desktop', 'app', 'appimage', 'elf', 'bin', 'run', 'msc', 'gadget',
  'application', 'chm', 'iso', 'img',
]);

/** The bytes read to decide: enough for every magic number file-type checks first, and for the text sniff. */
const SNIFF_BYTES = 64 * 1024;

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** HTML, scripts and SVG carry no magic number: look at the text (UTF-8 or UTF-16) for their markers. */
export function sniffText(head: Buffer): DetectedType | null {
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = head.subarray(2).toString('utf16le');
  else if (head[0] === 0xfe && head[1] === 0xff) text = Buffer.from(head.subarray(2)).swap16().toString('utf16le');
  else {
    // Binary content (a NUL byte in the first KB) is not text.
    if (head.subarray(0, 1024).includes(0)) return null;
    text = head.toString('latin1');
  }
  const t = text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '').replace(/\0/g, '').trimStart().toLowerCase();
  if (t.startsWith('#!')) return { ext: 'script', mime: 'text/x-shellscript' };
  if (/^<\?php/.test(t)) return { ext: 'script', mime: 'application/x-php' };
  if (/<svg[\s>]/.test(t)) {
    return /<script|javascript:|\son[a-z]+\s*=/.test(t) ? { ext: 'svg-script', mime: 'image/svg+xml' } : { ext: 'svg', mime: 'image/svg+xml' };
  }
  if (/^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|script|iframe|meta|object|embed)[\s>]/.test(t) || /<script[\s>]/.test(t)) {
    return { ext: 'html', mime: 'text/html' };
  }
  return null;
}

export async function detectFileType(file: string): Promise<DetectedType | null> {
  const head = readHead(file);
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  if (found) {
    // file-type reports a zip-based or XML type generically; an SVG or HTML inside XML is still sniffed below.
    if (found.ext !== 'xml') return { ext: found.ext === 'exe' || found.mime === 'application/x-msdownload' ? 'exe' : found.ext, mime: found.mime };
  }
  return sniffText(head);
}

export function isDangerous(fileName: string, detected: DetectedType | null): boolean {
  return DANGEROUS_EXTENSIONS.has(extensionOf(fileName)) || (detected !== null && DANGEROUS_DETECTED.has(detected.ext));
}

/** Types file-type recognises by content: a file named so but not recognised is not what it says. */
const DETECTABLE = new Set(['pdf', 'jpg', 'png', 'tif', 'gif', 'webp', 'bmp', 'heic', 'avif', 'jp2', 'zip', 'rar', '7z', 'gz', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'mp4', 'mp3']);

/** Old Office files are all OLE2 containers: file-type names the container ('cfb'), not the program. */
const OLE2_EXTENSIONS = new Set(['doc', 'xls', 'ppt', 'msg', 'vsd', 'pub']);

function sameType(ext: string, detected: string): boolean {
  return ext === detected || (detected === 'cfb' && OLE2_EXTENSIONS.has(ext));
}

export interface CheckedFile {
  fileName: string;
  detected: DetectedType | null;
}

/**
 * Throws unless the file may be attached to an item accepting `accepted` (extensions; empty or absent: the
 * default scans-and-photos list). `field` is where the UI shows the error; `itemName` names the item.
 */
export function assertAcceptable(f: CheckedFile, accepted: readonly string[] | undefined, itemName: string, field: string): void {
  const ext = extensionOf(f.fileName);
  if (isDangerous(f.fileName, f.detected)) {
    throw new AppError('DOSSIER_FILE_DANGEROUS', { fileName: f.fileName }, { field });
  }
  const allowed = accepted && accepted.length ? accepted : DEFAULT_ACCEPTED_TYPES;
  const allowedSet = new Set(allowed.map(canonical));
  if (!allowedSet.has(canonical(ext))) {
    throw new AppError('DOSSIER_FILE_TYPE_NOT_ALLOWED', { name: itemName, allowed: allowed.join(', '), fileName: f.fileName }, { field });
  }
  const detected = f.detected ? canonical(f.detected.ext) : null;
  if (detected !== null ? !sameType(canonical(ext), detected) : DETECTABLE.has(canonical(ext))) {
    throw new AppError('DOSSIER_FILE_CONTENT_MISMATCH', { fileName: f.fileName, ext, detected: f.detected?.ext ?? '?' }, { field });
  }
}
