/**
 * Plays the board's announcements (issue #18): each is a list of clip names (resources/voice/vi, served at
 * /voice/vi/<name>.wav in web mode and over app:// in Electron) played one after another with HTMLAudioElement.
 * Announcements arriving while one plays wait their turn. A browser that blocks autoplay makes play() reject with
 * NotAllowedError: the player then says so (blocked) and keeps only the newest announcement until unlock() is called
 * from a click. What really played is recorded, for tests and diagnostics.
 */
import { CLIP_NAME_PATTERN } from '../../../../core/domain/queue/announcement';

export type VoiceState = 'idle' | 'playing' | 'blocked';

export interface Announcement {
  seq: number;
  clips: readonly string[];
}

/** The part of HTMLAudioElement the player uses (a fake in unit tests). */
export type ClipAudio = Pick<HTMLAudioElement, 'play' | 'pause' | 'onended' | 'onerror'>;

export interface PlayedLog {
  /** Every clip that played to its end, in order. */
  played: string[];
  /** Announcements started (seq and clips), in order. */
  announcements: Announcement[];
  /** Clips that failed to load or play (name), in order. */
  failed: string[];
}

export function clipUrl(name: string): string {
  return `/voice/vi/${name}.wav`;
}

/** A clip whose audio neither ends nor fails in this long is skipped, so one broken file never stalls the board. */
const CLIP_TIMEOUT_MS = 10_000;

export class VoicePlayer {
  private readonly pending: Announcement[] = [];
  private state: VoiceState = 'idle';
  private current: ClipAudio | null = null;
  private stopped = false;
  private readonly listeners = new Set<(s: VoiceState) => void>();

  constructor(
    private readonly log: PlayedLog,
    private readonly createAudio: (url: string) => ClipAudio = (url) => new Audio(url),
  ) {}

  get voiceState(): VoiceState {
    return this.state;
  }

  onStateChange(fn: (s: VoiceState) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Queues an announcement; it plays when those before it have. */
  announce(a: Announcement): void {
    if (this.stopped) return;
    const clips = a.clips.filter((c) => CLIP_NAME_PATTERN.test(c));
    if (clips.length === 0) return;
    // While sound is blocked, older calls would only be stale by the time someone enables it.
    if (this.state === 'blocked') this.pending.length = 0;
    this.pending.push({ seq: a.seq, clips });
    if (this.state === 'idle') void this.run();
  }

  /** Called from a user's click: the browser now allows sound; the newest waiting announcement plays. */
  unlock(): void {
    if (this.state !== 'blocked') return;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.pending.length = 0;
    this.current?.pause();
    this.current = null;
  }

  private setState(s: VoiceState): void {
    if (s === this.state) return;
    this.state = s;
    for (const fn of [...this.listeners]) fn(s);
  }

  private async run(): Promise<void> {
    this.setState('playing');
    while (!this.stopped) {
      const next = this.pending[0];
      if (!next) break;
      this.log.announcements.push({ seq: next.seq, clips: [...next.clips] });
      let blocked = false;
      for (const clip of next.clips) {
        const outcome = await this.playClip(clip);
        if (this.stopped) return;
        if (outcome === 'blocked') {
          blocked = true;
          break;
        }
        if (outcome === 'ended') this.log.played.push(clip);
        else this.log.failed.push(clip);
      }
      if (blocked) {
        this.log.announcements.pop(); // it plays again, whole, once unlocked
        this.setState('blocked');
        return;
      }
      this.pending.shift();
    }
    if (!this.stopped) this.setState('idle');
  }

  private playClip(name: string): Promise<'ended' | 'failed' | 'blocked'> {
    return new Promise((resolve) => {
      const audio = this.createAudio(clipUrl(name));
      this.current = audio;
      let settled = false;
      const done = (outcome: 'ended' | 'failed' | 'blocked') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        audio.onended = null;
        audio.onerror = null;
        if (this.current === audio) this.current = null;
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        audio.pause();
        done('failed');
      }, CLIP_TIMEOUT_MS);
      audio.onended = () => done('ended');
      audio.onerror = () => done('failed');
      audio.play().catch((e: unknown) => done((e as { name?: unknown } | null)?.name === 'NotAllowedError' ? 'blocked' : 'failed'));
    });
  }
}
