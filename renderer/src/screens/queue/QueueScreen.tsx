/**
 * The clerk's queue (issue #18), keyboard first: call the next ticket (priority first, by the host's rules), call a
 * number, recall, no-show, transfer, start and finish; the current ticket with the applicant the kiosk read; the
 * waiting lists of the counter's services, kept fresh by 'queue.changed'. "Receive dossier" takes the ticket to
 * Reception. Calls carry a requestId, reused when the same call is tried again after a network error, so a
 * reconnect never calls two tickets.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Ticket } from '../../../../core/contract/queue';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { FormError } from '../../components/FormError';
import { ScreenPage } from '../../components/ScreenPage';
import { describeError } from '../../i18n/error-text';
import { setQueueCommandHandler, type QueueCommand } from './commands';
import { useCounterChoice } from './counter-choice';
import { counterLabel, CounterPicker } from './CounterPicker';
import { CurrentTicket } from './CurrentTicket';
import { QueueActions, type TicketAction } from './QueueActions';
import { isNetworkError } from '../../bridge/request-id';
import { createRequestIds, withRequestId } from './request-ids';
import { TransferDialog, type TransferTarget } from './TransferDialog';
import { useQueueData } from './useQueueData';
import { WaitingList } from './WaitingList';
import './queue.css';

const MINUTE = 60_000;

export function QueueScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnouncer();
  const counter = useCounterChoice();
  const data = useQueueData(counter);
  const { config, current, waiting, reload, setCurrent } = data;
  const ids = useRef(createRequestIds());
  const numberRef = useRef<HTMLInputElement>(null);
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ text: string; retry: boolean } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [transferOpen, setTransferOpen] = useState(false);
  const [transferError, setTransferError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => clearInterval(timer);
  }, []);

  const say = (text: string) => {
    setStatus(text);
    announce(text);
  };

  /** Runs one call; its failure is shown in Vietnamese, with the advice to try again when the network lost it. */
  const run = async <T,>(name: string, call: () => Promise<T>, done: (out: T) => void, onError?: (text: string) => boolean): Promise<void> => {
    if (busy) return;
    setBusy(name);
    setError(null);
    try {
      const out = await call();
      done(out);
    } catch (e) {
      const text = describeError(t, e).text;
      if (!onError?.(text)) {
        setError({ text, retry: isNetworkError(e) });
        announce(text, 'assertive');
      }
    } finally {
      setBusy(null);
      reload();
    }
  };

  const called = (tk: Ticket) => {
    setCurrent(tk);
    say(t('queueUi.status.called', { number: tk.number, service: tk.serviceName }));
  };

  const callNext = () => {
    if (counter === null) return;
    void run(
      'callNext',
      () => withRequestId(ids.current, `next:${counter}`, (requestId) => api.call('queue.callNext', { counter, requestId })),
      (out) => {
        if (out.number === null) say(t('queueUi.status.nobody'));
        else called(out as Ticket);
      },
    );
  };

  const callNumber = (e?: FormEvent) => {
    e?.preventDefault();
    const wanted = number.trim().toUpperCase();
    if (counter === null) return;
    if (!wanted) {
      setError({ text: t('queueUi.callNumber.empty'), retry: false });
      numberRef.current?.focus();
      return;
    }
    void run(
      'callNumber',
      () => withRequestId(ids.current, `number:${counter}:${wanted}`, (requestId) => api.call('queue.callNumber', { counter, number: wanted, requestId })),
      (tk) => {
        setNumber('');
        called(tk);
      },
    );
  };

  const onTicket = (action: TicketAction) => {
    if (counter === null || current === null) {
      say(t('queueUi.status.noCurrent'));
      return;
    }
    const ticketId = current.id;
    switch (action) {
      case 'recall':
        return void run('recall', () => api.call('queue.recall', { ticketId, counter }), (tk) => {
          setCurrent(tk);
          say(t('queueUi.status.recalled', { number: tk.number }));
        });
      case 'noShow':
        return void run('noShow', () => api.call('queue.noShow', { ticketId }), (tk) => {
          setCurrent(null);
          say(t('queueUi.status.noShow', { number: tk.number }));
        });
      case 'start':
        return void run('start', () => api.call('queue.start', { ticketId }), (tk) => {
          setCurrent(tk);
          say(t('queueUi.status.started', { number: tk.number }));
        });
      case 'finish':
        return void run('finish', () => api.call('queue.finish', { ticketId }), (tk) => {
          setCurrent(null);
          say(t('queueUi.status.finished', { number: tk.number }));
        });
      case 'transfer':
        setTransferError(null);
        setTransferOpen(true);
        return;
      case 'receive':
        // The citizen is at the counter: service starts (if not yet), then Reception takes the ticket.
        return void run(
          'receive',
          () => (current.state === 'called' ? api.call('queue.start', { ticketId }) : Promise.resolve(current)),
          (tk) => {
            setCurrent(tk);
            void navigate('/reception');
          },
        );
    }
  };

  const transfer = (to: TransferTarget) => {
    if (current === null) return;
    const ticketId = current.id;
    void run(
      'transfer',
      () => api.call('queue.transfer', { ticketId, ...to }),
      (tk) => {
        setTransferOpen(false);
        setCurrent(null);
        const where = 'toService' in to ? config?.groups.find((g) => g.code === to.toService)?.name ?? to.toService : counterLabel(t, config, to.toCounter);
        say(t('queueUi.status.transferred', { number: tk.number, to: where }));
      },
      (text) => {
        setTransferError(text);
        return true;
      },
    );
  };

  // ---------- shortcuts ----------
  const commandRef = useRef<(c: QueueCommand) => boolean>(() => false);
  useEffect(() => {
    commandRef.current = (c) => {
      if (transferOpen || config === null) return false;
      if (counter === null) {
        say(t('queueUi.status.chooseCounter'));
        return true;
      }
      if (c === 'callNext') callNext();
      else if (c === 'callNumber') numberRef.current?.focus();
      else onTicket(c);
      return true;
    };
  });
  useEffect(() => setQueueCommandHandler((c) => commandRef.current(c)), []);

  const loadError = data.loadError === null ? null : describeError(t, data.loadError).text;

  return (
    <ScreenPage title={t('ui.screens.queue.title')} className="queue-screen">
      <div className="queue-top">
        <p className="screen__lead" data-testid="queue-counter-shown">
          {counter === null ? t('queueUi.counter.notChosen') : t('queueUi.counter.here', { counter: counterLabel(t, config, counter) })}
        </p>
        {config && <CounterPicker key={String(config.countersConfigured)} config={config} counter={counter} />}
      </div>
      <FormError message={error ? `${error.text}${error.retry ? ` ${t('queueUi.retryHint')}` : ''}` : loadError} testId="queue-error" />
      <p className="queue-status" data-testid="queue-status">
        {status ?? ''}
      </p>
      {config === null ? (
        loadError === null && <p>{t('ui.loading')}</p>
      ) : (
        <>
          <div className="queue-controls">
            <button type="button" className="btn btn--primary queue-call-next" onClick={callNext} disabled={counter === null} aria-busy={busy === 'callNext'} data-testid="queue-call-next">
              {t('queueUi.actions.callNext')} <kbd>F2</kbd>
            </button>
            <form className="queue-inline-form" noValidate onSubmit={callNumber} data-testid="queue-call-number">
              <label htmlFor="queue-call-number-input" className="field__label">
                {t('queueUi.callNumber.label')}
              </label>
              <input
                id="queue-call-number-input"
                ref={numberRef}
                className="field__input queue-call-number__input"
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                autoComplete="off"
                maxLength={12}
                aria-describedby="queue-call-number-hint"
                disabled={counter === null}
              />
              <span id="queue-call-number-hint" className="visually-hidden">
                {t('queueUi.callNumber.hint')}
              </span>
              <button type="submit" className="btn" disabled={counter === null} aria-busy={busy === 'callNumber'}>
                {t('queueUi.callNumber.submit')}
              </button>
            </form>
          </div>
          <div className="queue-main">
            <div className="queue-main__current">
              <CurrentTicket ticket={current} now={now} />
              <QueueActions ticket={current} busy={busy} onAction={onTicket} />
            </div>
            {waiting && <WaitingList config={config} counter={counter} waiting={waiting} now={now} />}
          </div>
          <TransferDialog
            open={transferOpen}
            config={config}
            ticket={current}
            counter={counter}
            busy={busy === 'transfer'}
            error={transferError}
            onSubmit={transfer}
            onClose={() => setTransferOpen(false)}
          />
        </>
      )}
    </ScreenPage>
  );
}
