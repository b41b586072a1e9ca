/**
 * The board as the waiting room sees it: the number being called in large type, every counter's current number,
 * the latest calls and how many wait per service. Ticket numbers and counters only: never a name or an ID number.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCall, BoardState } from '../../../../core/contract/queue';

/** "Số 1023 → Quầy 3": the arrow is drawn, screen readers hear "đến". */
function CallLine({ call, big }: { call: Pick<BoardCall, 'ticketNumber' | 'counter'>; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={big ? 'board-call board-call--big' : 'board-call'}>
      <span className="board-call__label">{t('boardUi.number')} </span>
      <strong className="board-call__number" data-testid="board-call-number">
        {call.ticketNumber}
      </strong>
      <span className="board-call__arrow" aria-hidden="true">
        {' → '}
      </span>
      <span className="visually-hidden"> {t('boardUi.arrow')} </span>
      <span className="board-call__label">{t('boardUi.counter')} </span>
      <strong className="board-call__counter" data-testid="board-call-counter">
        {call.counter}
      </strong>
    </span>
  );
}

function Section({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`board-panel ${className}`} aria-labelledby={id}>
      <h2 id={id} className="board-panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function BoardView({ board }: { board: BoardState }) {
  const { t } = useTranslation();
  const latest = board.lastCalls[0];
  return (
    <div className="display-board__grid">
      <Section title={t('boardUi.nowCalling')} className="board-now">
        {latest ? (
          // Keyed by seq: a new call (or a recall) mounts anew, which replays the highlight animation.
          <p key={latest.seq} className="board-now__call is-new" data-testid="board-now" data-seq={latest.seq}>
            <CallLine call={latest} big />
            {latest.counterName && <span className="board-now__name">{latest.counterName}</span>}
            {latest.recall && <span className="board-badge">{t('boardUi.recall')}</span>}
          </p>
        ) : (
          <p className="board-empty">{t('boardUi.noCalls')}</p>
        )}
      </Section>

      <Section title={t('boardUi.counters')} className="board-counters">
        <ul className="board-counters__list">
          {board.counters.map((c) => (
            <li key={c.counter} className="board-counter" data-testid="board-counter" data-counter={c.counter}>
              <span className="board-counter__name">
                {t('boardUi.counterN', { counter: c.counter })}
                {c.counterName && <span className="board-counter__sub"> — {c.counterName}</span>}
              </span>
              <strong className="board-counter__number">{c.ticketNumber ?? <span className="board-muted">{t('boardUi.notCalled')}</span>}</strong>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('boardUi.lastCalls')} className="board-last">
        {board.lastCalls.length === 0 ? (
          <p className="board-empty">{t('boardUi.noCalls')}</p>
        ) : (
          <ol className="board-last__list" data-testid="board-last-calls">
            {board.lastCalls.map((c, i) => (
              <li key={c.seq} className={i === 0 ? 'board-last__item is-new' : 'board-last__item'} data-seq={c.seq}>
                <CallLine call={c} />
                {c.recall && <span className="board-badge">{t('boardUi.recall')}</span>}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t('boardUi.waiting')} className="board-waiting">
        {board.services.length === 0 ? (
          <p className="board-empty">{t('boardUi.noServices')}</p>
        ) : (
          <ul className="board-waiting__list">
            {board.services.map((s) => (
              <li key={s.code} className="board-waiting__item" data-testid="board-waiting" data-service={s.code}>
                <span>{s.name}</span>
                <strong>{t('boardUi.waitingCount', { count: s.waiting })}</strong>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
