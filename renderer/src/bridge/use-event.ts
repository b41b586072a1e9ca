/**
 * useEvent(name, handler): a screen receives a push-channel event while it is mounted. The subscription follows
 * `name` only; the latest handler is always the one called, so an inline arrow does not resubscribe every render.
 * Listen to 'events.lost' as well to re-read what the screen shows when events may have been missed.
 */
import { useEffect, useRef } from 'react';
import type { PushData, PushName } from '../../../core/contract/events';
import { getBridge } from './index';

export function useEvent<N extends PushName>(name: N, handler: (data: PushData<N>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => getBridge().subscribe(name, (data) => latest.current(data)), [name]);
}
