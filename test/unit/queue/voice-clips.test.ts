/**
 * Issue #18: every clip an announcement can ask for ships in resources/voice/vi as a playable WAV (made by
 * scripts/make-voice-clips.mjs with espeak-ng and committed), for every number 1..9999, prefix A–Z and counter 1..999.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadVoiceClip } from '../../../core/adapters/web/static-files';
import { announcementClips, ticketNumberClips } from '../../../core/domain/queue/announcement';
import { serveRendererRequest } from '../../../electron/main/serve';
import { voiceClipRequest } from '../../../electron/main/voice';

const RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources');
const VOICE_DIR = path.join(RESOURCES_DIR, 'voice', 'vi');

function usedClips(): Set<string> {
  const used = new Set<string>();
  const add = (clips: string[]) => clips.forEach((c) => used.add(c));
  for (let n = 1; n <= 9999; n++) add(ticketNumberClips(String(n)));
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') add(ticketNumberClips(`${letter}1`));
  for (let counter = 1; counter <= 999; counter++) add(announcementClips('1', counter));
  return used;
}

/** A RIFF/WAVE file with a PCM fmt chunk and some audio in its data chunk. */
function wavProblem(buf: Buffer): string | null {
  if (buf.length < 44 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') return 'not RIFF/WAVE';
  if (buf.readUInt32LE(4) !== buf.length - 8) return 'RIFF size does not match the file';
  let fmt = false;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') fmt = buf.readUInt16LE(at + 8) === 1 && buf.readUInt16LE(at + 10) >= 1 && buf.readUInt32LE(at + 12) >= 8000;
    if (id === 'data') {
      if (!fmt) return 'no PCM fmt chunk before data';
      if (at + 8 + size > buf.length) return 'data chunk runs past the end';
      return size >= 1600 ? null : 'almost no audio';
    }
    at += 8 + size + (size % 2);
  }
  return 'no data chunk';
}

describe('voice clips', () => {
  it('ships every clip an announcement can use, each a valid WAV', () => {
    const used = usedClips();
    expect(used.size).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const name of used) {
      const file = path.join(VOICE_DIR, `${name}.wav`);
      if (!existsSync(file)) problems.push(`${name}: missing`);
      else {
        const p = wavProblem(readFileSync(file));
        if (p) problems.push(`${name}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ships no clip that nothing uses', () => {
    const used = usedClips();
    const extra = readdirSync(VOICE_DIR).filter((f) => !used.has(f.replace(/\.wav$/, '')));
    expect(extra).toEqual([]);
  });
});

/** Paths that must never reach a file: traversal (plain and encoded), other folders, names outside [a-z0-9-]. */
const REFUSED = ['/voice/vi/../../catalogue/sample.json', '/voice/vi/%2e%2e%2fmot.wav', '/voice/vi/..%2Fvi%2Fmot.wav', '/voice/vi/Mot.wav', '/voice/vi/mot.mp3', '/voice/en/mot.wav', '/voice/vi/', '/voice/vi/a/b.wav'];

describe('serving the clips', () => {
  it('web mode answers /voice/vi/<name>.wav from resources and nothing else under /voice/', async () => {
    const ok = await loadVoiceClip(RESOURCES_DIR, '/voice/vi/mot-sac.wav?v=1');
    expect(ok?.status).toBe(200);
    expect(ok?.type).toBe('audio/wav');
    expect(ok?.body.equals(readFileSync(path.join(VOICE_DIR, 'mot-sac.wav')))).toBe(true);
    for (const p of REFUSED) expect((await loadVoiceClip(RESOURCES_DIR, p))?.status, p).toBe(404);
    expect(await loadVoiceClip(RESOURCES_DIR, '/assets/index.js')).toBeNull();
  });

  it('Electron answers app://motcua/voice/vi/<name>.wav from resources and nothing else under /voice/', async () => {
    const req = voiceClipRequest(RESOURCES_DIR, 'app://motcua/voice/vi/den-quay-so.wav');
    if (typeof req === 'string') throw new Error(`not served: ${req}`);
    const res = await serveRendererRequest(req.root, 'GET', req.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(path.join(VOICE_DIR, 'den-quay-so.wav')))).toBe(true);
    // Never a clip file ("/voice/vi/../../x" is normalised by URL parsing to a renderer path, answered from there).
    for (const p of REFUSED) expect(typeof voiceClipRequest(RESOURCES_DIR, `app://motcua${p}`), p).toBe('string');
    expect(voiceClipRequest(RESOURCES_DIR, 'app://motcua/voice/vi/Mot.wav')).toBe('refused');
    expect(voiceClipRequest(RESOURCES_DIR, 'app://motcua/index.html')).toBe('renderer');
  });
});
