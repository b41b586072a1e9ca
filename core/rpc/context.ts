import type { User } from '../contract/auth';
import type { PairedDevice } from '../contract/pairing';
import type { Actor } from '../services/actor';
import type { Connection } from './connection';

/** What a handler knows about its caller. */
export interface CallContext {
  conn: Connection;
  /** Null only for 'public' methods called before login. */
  user: User | null;
  actor: Actor;
  /** The paired kiosk or board making the call (its device token), else null. */
  device: PairedDevice | null;
}
