/**
 * The queue display board facing the waiting room (route /display, full screen, issue #18): on a paired board device
 * or for a logged-in user (DeviceGate). Updated on the push channel and announced in Vietnamese from recorded clips.
 */
import { useTranslation } from 'react-i18next';
import { ScreenPage } from '../../components/ScreenPage';
import { DeviceGate } from '../../devices/DeviceGate';
import { describeError } from '../../i18n/error-text';
import { BoardView } from './BoardView';
import { useBoard } from './use-board';
import './display.css';

export function DisplayScreen() {
  return (
    <DeviceGate kind="board">
      <Board />
    </DeviceGate>
  );
}

function Board() {
  const { t } = useTranslation();
  const { board, loadError, connection, voice, enableSound } = useBoard();
  const latest = board?.lastCalls[0];
  return (
    <ScreenPage title={t('ui.screens.display.title')} className="display-board">
      {connection === 'reconnecting' && (
        <p role="alert" className="display-board__offline" data-testid="board-offline">
          {t('boardUi.connectionLost')}
        </p>
      )}
      {voice === 'blocked' && (
        <div className="display-board__sound">
          <p>{t('boardUi.soundBlocked')}</p>
          <button type="button" className="btn btn--primary" data-testid="board-enable-sound" onClick={enableSound}>
            {t('boardUi.enableSound')}
          </button>
        </div>
      )}
      {board ? (
        <BoardView board={board} />
      ) : (
        <p role="status" className="display-board__lead" data-testid="board-loading">
          {loadError ? t('boardUi.loadFailed', { reason: describeError(t, loadError).text }) : t('boardUi.loading')}
        </p>
      )}
      {/* Screen-reader users hear each call as the room does. */}
      <p className="visually-hidden" aria-live="polite" data-testid="board-spoken">
        {latest ? t('boardUi.spoken', { number: latest.ticketNumber, counter: latest.counter }) : ''}
      </p>
    </ScreenPage>
  );
}
