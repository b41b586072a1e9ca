/**
 * The SequenceAuthority a counter uses: the central server's blocks once enrolled (codes from them carry no counter
 * segment), the local table before that. Offline → SEQUENCE_AUTHORITY_UNREACHABLE, and the allocator falls back to
 * codes with the counter's id (code-allocator.ts). A block request carries a request id kept until it is answered,
 * so a retry after a lost reply gets the same block, never a second one.
 * PLACEHOLDER (skeleton): the transport helper implements it (today it always uses the local authority).
 */
import type { Db } from '../../store/database';
import { LocalSequenceAuthority, type SequenceAuthority, type SequenceBlock } from '../dossiers/sequence-authority';
import type { CentralLink } from './central-link';

export class EnrolledSequenceAuthority implements SequenceAuthority {
  private readonly local: LocalSequenceAuthority;

  constructor(private readonly opts: { db: Db; link: CentralLink }) {
    this.local = new LocalSequenceAuthority(opts.db);
  }

  get kind(): 'local' | 'central' {
    return this.opts.link.credentials() ? 'central' : 'local';
  }

  async reserveBlock(agencyCode: string, day: string, size: number): Promise<SequenceBlock> {
    return this.local.reserveBlock(agencyCode, day, size);
  }
}
