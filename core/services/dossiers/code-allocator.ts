/**
 * Dossier codes, unique across all counters even while counters are offline:
 *  1. Each counter holds blocks of daily sequence numbers reserved from the sequence authority (the central
 *     system, or its local stand-in). It tops its reserve up before a receipt while it can reach the authority.
 *  2. A receipt takes the next reserved number inside its own transaction: "<agency>-<yymmdd>-0042".
 *  3. When the reserve is empty and the authority cannot be reached, the code carries this counter's id
 *     instead: "<agency>-<yymmdd>-Q03-0001", numbered by the counter's own daily fallback sequence. Counter ids
 *     start with a letter, reserved numbers are digits only, so the two kinds never collide, and two counters'
 *     fallback codes differ by their ids.
 * Daily keys are zero-padded dates (YYYY-MM-DD) in Vietnam time.
 */
import type { Logger } from '../../platform/logger';
import { formatDossierCode } from '../../domain/dossier/code-pattern';
import { advanceCounter } from '../../store/counters';
import type { Db } from '../../store/database';
import type { SequenceAuthority } from './sequence-authority';

export interface AllocatorOptions {
  blockSize: number;
  /** Top up when fewer numbers than this remain for the day. */
  lowWater: number;
}
export const DEFAULT_ALLOCATOR_OPTIONS: AllocatorOptions = { blockSize: 20, lowWater: 5 };

export interface AllocatedCode {
  code: string;
  seq: number;
  fallback: boolean;
}

export class CodeAllocator {
  /** One reservation in flight per agency and day: simultaneous receipts share it. */
  private readonly inFlight = new Map<string, Promise<boolean>>();
  /** Receipts between prepare() and their transaction, per agency and day. */
  private readonly claims = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly authority: SequenceAuthority,
    private readonly counterId: () => string,
    private readonly logger: Logger,
    private readonly opts: AllocatorOptions = DEFAULT_ALLOCATOR_OPTIONS,
  ) {}

  remaining(agencyCode: string, day: string): number {
    const r = this.db
      .prepare<[string, string], { n: number | null }>('SELECT SUM(end - next) AS n FROM code_blocks WHERE agency_code = ? AND day = ?')
      .get(agencyCode, day);
    return r?.n ?? 0;
  }

  /**
   * Before a receipt's transaction: claim a number and make sure the reserve covers every receipt now between
   * this step and its transaction (simultaneous receipts share one reservation). Best effort: when the authority
   * cannot be reached, the receipt may get a fallback code. Call the returned release after the transaction.
   */
  async prepare(agencyCode: string, day: string, now: Date): Promise<() => void> {
    const key = `${agencyCode}\u0000${day}`;
    this.claims.set(key, (this.claims.get(key) ?? 0) + 1);
    const release = () => {
      const n = (this.claims.get(key) ?? 1) - 1;
      if (n <= 0) this.claims.delete(key);
      else this.claims.set(key, n);
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const shortfall = (this.claims.get(key) ?? 0) + this.opts.lowWater - this.remaining(agencyCode, day);
      if (shortfall <= 0) break;
      let p = this.inFlight.get(key);
      if (!p) {
        p = this.reserve(agencyCode, day, Math.max(this.opts.blockSize, shortfall), now).finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, p);
      }
      if (!(await p)) break;
    }
    return release;
  }

  private async reserve(agencyCode: string, day: string, size: number, now: Date): Promise<boolean> {
    try {
      const block = await this.authority.reserveBlock(agencyCode, day, size);
      this.db
        .prepare('INSERT INTO code_blocks (agency_code, day, start, next, end, source, reserved_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(agencyCode, day, block.start, block.start, block.end, this.authority.kind, now.toISOString());
      return true;
    } catch (e) {
      this.logger.warn('sequence block reservation failed; fallback codes will be used if the reserve runs out', {
        agencyCode,
        day,
        code: (e as { code?: string }).code,
      });
      return false;
    }
  }

  /**
   * Must run inside the receipt's write transaction. A number whose code is already taken here is skipped: codes
   * made before this counter enrolled came from the local authority, and the central's blocks start again at 1.
   */
  allocate(agencyCode: string, pattern: string, date: { y: number; m: number; d: number }, day: string): AllocatedCode {
    const counterId = this.counterId();
    for (;;) {
      const block = this.db
        .prepare<[string, string], { start: number; next: number; end: number }>(
          'SELECT start, next, end FROM code_blocks WHERE agency_code = ? AND day = ? AND next < end ORDER BY start LIMIT 1',
        )
        .get(agencyCode, day);
      if (!block) break;
      this.db.prepare('UPDATE code_blocks SET next = next + 1 WHERE agency_code = ? AND day = ? AND start = ?').run(agencyCode, day, block.start);
      this.db.prepare('DELETE FROM code_blocks WHERE next >= end').run();
      const code = formatDossierCode(pattern, { agency: agencyCode, date, seq: block.next, counterId });
      if (!this.taken(code)) return { code, seq: block.next, fallback: false };
      this.logger.warn('reserved number skipped: its code was already issued here (before enrolment)', { code });
    }
    for (;;) {
      const seq = advanceCounter(this.db, 'code_fallback', { agency_code: agencyCode, day });
      const code = formatDossierCode(pattern, { agency: agencyCode, date, seq, counterId, fallbackCounter: counterId });
      if (!this.taken(code)) return { code, seq, fallback: true };
    }
  }

  private taken(code: string): boolean {
    return this.db.prepare<[string], { n: number }>('SELECT 1 AS n FROM dossiers WHERE code = ?').get(code) !== undefined;
  }
}
