// Makes the display board's Vietnamese voice clips (issue #18): every clip the announcement can use
// (core/domain/queue/announcement.ts, CLIP_TEXTS) is synthesised offline with espeak-ng's Vietnamese voice into
// resources/voice/vi/<name>.wav, trimmed of the synthesiser's leading and trailing silence (the clips are played back
// to back) and resampled to 16 kHz mono 16-bit to keep them small. Never an online speech service. The clips are
// committed: run this only to change a text or the voice (`node scripts/make-voice-clips.mjs`; needs espeak-ng).
// No sox on the build machines, so the trim and resampling are done here (a few lines of plain DSP).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'resources', 'voice', 'vi');
const OUT_RATE = 16_000;
/** Silence kept around each clip: enough for the words to stay apart, short enough for a natural sentence. */
const PAD_SECONDS = 0.04;
/** Samples quieter than this (of 32767) count as silence when trimming. */
const SILENCE = 300;

/** The 16-bit mono PCM of a WAV file as espeak-ng writes it, and its rate. */
function readWav(buf) {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let rate = 0;
  let channels = 0;
  let bits = 0;
  for (let at = 12; at + 8 <= buf.length; ) {
    const id = buf.toString('ascii', at, at + 4);
    // espeak-ng may leave the data size unset when it streams: take what the file holds.
    const size = Math.min(buf.readUInt32LE(at + 4), buf.length - at - 8);
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(at + 10);
      rate = buf.readUInt32LE(at + 12);
      bits = buf.readUInt16LE(at + 22);
    } else if (id === 'data') {
      if (channels !== 1 || bits !== 16) throw new Error(`expected 16-bit mono, got ${channels} channel(s) of ${bits} bits`);
      const samples = new Float64Array(Math.floor(size / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(at + 8 + i * 2);
      return { rate, samples };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file without data');
}

function writeWav(file, rate, samples) {
  const buf = Buffer.alloc(44 + samples.length * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples.length * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++) buf.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]))), 44 + i * 2);
  writeFileSync(file, buf);
}

function trim(samples, rate) {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start]) < SILENCE) start++;
  while (end > start && Math.abs(samples[end - 1]) < SILENCE) end--;
  const pad = Math.round(PAD_SECONDS * rate);
  return samples.subarray(Math.max(0, start - pad), Math.min(samples.length, end + pad));
}

/** Band-limited resampling (Hann-windowed sinc, cut-off below the new Nyquist frequency). */
function resample(samples, from, to) {
  if (from === to) return samples;
  const ratio = from / to;
  const cutoff = Math.min(1, to / from) * 0.95;
  const half = 16; // taps each side, in input samples
  const out = new Float64Array(Math.floor(samples.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const t = i * ratio;
    const centre = Math.floor(t);
    let acc = 0;
    let norm = 0;
    for (let j = centre - half + 1; j <= centre + half; j++) {
      if (j < 0 || j >= samples.length) continue;
      const x = t - j;
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
      const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / half);
      acc += samples[j] * sinc * w;
      norm += sinc * w;
    }
    out[i] = norm === 0 ? 0 : acc / norm;
  }
  return out;
}

export async function makeVoiceClips({ outDir = OUT_DIR, espeak = 'espeak-ng' } = {}) {
  register();
  const { CLIP_TEXTS } = await import('../core/domain/queue/announcement.ts');
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'motcua-voice-'));
  try {
    for (const [name, text] of Object.entries(CLIP_TEXTS)) {
      const raw = path.join(tmp, `${name}.wav`);
      execFileSync(espeak, ['-v', 'vi', '-s', '150', '-w', raw, text], { stdio: ['ignore', 'ignore', 'inherit'] });
      const { rate, samples } = readWav(readFileSync(raw));
      writeWav(path.join(outDir, `${name}.wav`), OUT_RATE, resample(trim(samples, rate), rate, OUT_RATE));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Clips no longer in the list go, so the folder holds exactly what the announcement uses.
  for (const f of readdirSync(outDir)) if (f.endsWith('.wav') && !(f.slice(0, -4) in CLIP_TEXTS)) unlinkSync(path.join(outDir, f));
  return Object.keys(CLIP_TEXTS);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = await makeVoiceClips();
  console.log(`resources/voice/vi: ${names.length} clips (espeak-ng vi, ${OUT_RATE} Hz mono)`);
}
