/**
 * This counter's id: part of offline fallback codes and fee receipt numbers, so it must differ between
 * counters. The admin sets it (e.g. "Q03"); until then a random one is made once and kept.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../contract/errors';
import { COUNTER_ID_RE } from '../../domain/dossier/code-pattern';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settings-service';

const KEY = 'counter.id';
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class CounterIdentity {
  constructor(private readonly settings: SettingsService) {}

  id(): string {
    const id = this.settings.get<string>(KEY);
    if (id) return id;
    const made = 'Q' + Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return this.settings.initialise({ kind: 'system', name: 'counter-identity', role: 'admin' }, KEY, made);
  }

  set(actor: Actor, id: string): void {
    const upper = id.trim().toUpperCase();
    if (!COUNTER_ID_RE.test(upper)) throw new AppError('DOSSIER_BAD_COUNTER_ID', { id }, { field: 'counterId' });
    this.settings.set(actor, KEY, upper);
  }
}
