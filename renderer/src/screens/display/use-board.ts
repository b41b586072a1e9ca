/**
 * The display board's state for React: a BoardFeed (board-feed.ts) fed by the push channel and the connection state,
 * and a VoicePlayer that announces its calls. A reconnect or 'events.lost' makes the board catch up.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardState } from '../../../../core/contract/queue';
import { api, subscribeConnection, type ConnectionState } from '../../bridge';
import { useEvent } from '../../bridge/use-event';
import { BoardFeed, LAST_CALLS } from './board-feed';
import { VoicePlayer, type PlayedLog, type VoiceState } from './voice-player';

declare global {
  interface Window {
    /** What the board played and announced: read by the e2e tests, and useful when diagnosing a silent board. */
    __motcuaBoard?: PlayedLog;
  }
}

function playedLog(): PlayedLog {
  window.__motcuaBoard ??= { played: [], announcements: [], failed: [] };
  return window.__motcuaBoard;
}

export interface BoardView {
  board: BoardState | null;
  /** The last load failed (it is retried). */
  loadError: unknown;
  connection: ConnectionState;
  voice: VoiceState;
  enableSound: () => void;
}

export function useBoard(): BoardView {
  const [shown, setShown] = useState<{ board: BoardState | null; loadError: unknown }>({ board: null, loadError: null });
  const [connection, setConnection] = useState<ConnectionState>('open');
  const [voice, setVoice] = useState<VoiceState>('idle');
  const feed = useRef<BoardFeed | null>(null);
  const player = useRef<VoicePlayer | null>(null);

  useEffect(() => {
    const p = new VoicePlayer(playedLog());
    const f = new BoardFeed({
      load: () => api.call('queue.board', { lastCalls: LAST_CALLS }),
      announce: (a) => p.announce(a),
      onChange: (board, loadError) => setShown({ board, loadError }),
    });
    player.current = p;
    feed.current = f;
    const offVoice = p.onStateChange(setVoice);
    let wasDown = false;
    const offConnection = subscribeConnection((s) => {
      setConnection(s);
      if (s === 'reconnecting') wasDown = true;
      else if (s === 'open' && wasDown) {
        wasDown = false;
        void f.reload(); // 'events.lost' follows once subscriptions are back; the two loads coalesce
      }
    });
    void f.reload();
    return () => {
      offVoice();
      offConnection();
      f.stop();
      p.stop();
      feed.current = null;
      player.current = null;
    };
  }, []);

  useEvent('queue.called', (call) => feed.current?.called(call));
  useEvent('queue.changed', (change) => feed.current?.changed(change));
  useEvent('events.lost', () => void feed.current?.reload());

  const enableSound = useCallback(() => player.current?.unlock(), []);
  return { ...shown, connection, voice, enableSound };
}
