/**
 * Where a counter gets blocks of daily sequence numbers. The central system provides this once sync lands;
 * until then LocalSequenceAuthority keeps the same interface over a table. Blocks handed out never overlap,
 * so codes built from them are unique among every counter that shares the authority.
 */
import { AppError } from '../../contract/errors';
import { advanceCounter } from '../../store/counters';
import { inTransaction, type Db } from '../../store/database';

export interface SequenceBlock {
  /** First number of the block. */
  start: number;
  /** One past the last number. */
  end: number;
}

export interface SequenceAuthority {
  readonly kind: 'local' | 'central';
  /** Reserve `size` consecutive numbers of (agency, day). Throws SEQUENCE_AUTHORITY_UNREACHABLE when offline. */
  reserveBlock(agencyCode: string, day: string, size: number): Promise<SequenceBlock>;
}

export class LocalSequenceAuthority implements SequenceAuthority {
  readonly kind = 'local' as const;
  /** Tests and demos switch this off to behave like a counter that lost its connection. */
  online = true;

  constructor(private readonly db: Db) {}

  async reserveBlock(agencyCode: string, day: string, size: number): Promise<SequenceBlock> {
    if (!this.online) throw new AppError('SEQUENCE_AUTHORITY_UNREACHABLE');
    return inTransaction(this.db, () => {
      const start = advanceCounter(this.db, 'sequence_authority', { agency_code: agencyCode, day }, size);
      return { start, end: start + size };
    });
  }
}
