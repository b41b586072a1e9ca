import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityReason } from '../../../../core/contract/queue';
import { useAnnouncer } from '../../a11y/Announcer';
import { FormError } from '../../components/FormError';
import { ScreenPage } from '../../components/ScreenPage';
import { DeviceGate } from '../../devices/DeviceGate';
import { describeError } from '../../i18n/error-text';
import { issueTicket, type IssuedTicket } from './kiosk-issue';
import { KioskPriority } from './KioskPriority';
import { KioskScanField } from './KioskScanField';
import { KioskServices, type ServiceStatus } from './KioskServices';
import { KioskTicket } from './KioskTicket';
import { readKioskScan, type KioskScan } from './scanned-code';
import { useQueueStatus } from './useQueueStatus';
import './kiosk.css';

/** The citizen-facing ticket kiosk (full screen, large type), on a paired kiosk or for a logged-in user. */
export function KioskScreen() {
  return (
    <DeviceGate kind="kiosk">
      <Kiosk />
    </DeviceGate>
  );
}

type Scanned = Exclude<KioskScan, { kind: 'other' }>;

/**
 * Step 1: choose a service (open ones; a closed one says why), optionally a priority reason and a scanned CCCD or
 * receipt QR; a receipt QR goes straight to the collect service when one is open. Step 2: the ticket (KioskTicket).
 */
function Kiosk() {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const { status, error: statusError, reload } = useQueueStatus();
  const [priority, setPriority] = useState<PriorityReason | null>(null);
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [ticket, setTicket] = useState<IssuedTicket | null>(null);

  const services = status?.services ?? [];

  const issue = async (service: ServiceStatus, scan: Scanned | null = scanned) => {
    if (busy) return;
    setBusy(true);
    setIssueError(null);
    try {
      const issued = await issueTicket({
        service: service.code,
        ...(priority ? { priority } : {}),
        ...(scan?.kind === 'cccd' ? { cccdQr: scan.text } : {}),
        ...(scan?.kind === 'receipt' ? { receiptQr: scan.text } : {}),
      });
      setTicket(issued);
    } catch (e) {
      const shown = describeError(t, e);
      setIssueError(shown.text);
      announce(shown.text, 'assertive');
      reload(); // closed or capped meanwhile: the buttons say so
    } finally {
      setBusy(false);
    }
  };

  const onScan = (raw: string) => {
    if (ticket || busy) return;
    const scan = readKioskScan(raw);
    setIssueError(null);
    if (scan.kind === 'other') {
      setScanNote(t('kioskUi.kiosk.scan.unknown'));
      return;
    }
    setScanned(scan);
    if (scan.kind === 'cccd') {
      setScanNote(t('kioskUi.kiosk.scan.cccd', { name: scan.name }));
      return;
    }
    // A receipt: straight to the (first open) collect service; when it is closed, the buttons say why.
    const collect = services.filter((s) => s.purpose === 'collect');
    const open = collect.find((s) => s.open);
    setScanNote(t(open ? 'kioskUi.kiosk.scan.receipt' : 'kioskUi.kiosk.scan.receiptPick', { code: scan.code }));
    if (open) void issue(open, scan);
  };

  const reset = useCallback(() => {
    setTicket(null);
    setPriority(null);
    setScanned(null);
    setScanNote(null);
    setIssueError(null);
    reload();
  }, [reload]);

  if (ticket) return <KioskTicket ticket={ticket} onDone={reset} />;

  return (
    <ScreenPage title={t('ui.screens.kiosk.title')} className="kiosk">
      <p className="kiosk__lead">{t('kioskUi.kiosk.lead')}</p>
      <FormError message={issueError ?? (statusError ? describeError(t, statusError).text : null)} testId="kiosk-error" />
      {status === null ? (
        !statusError && <p role="status">{t('kioskUi.kiosk.loading')}</p>
      ) : services.length === 0 ? (
        <p>{t('kioskUi.kiosk.none')}</p>
      ) : (
        <KioskServices services={services} busy={busy} onChoose={(s) => void issue(s)} />
      )}
      {busy && (
        <p role="status" className="kiosk-hint">
          {t('kioskUi.kiosk.issuing')}
        </p>
      )}
      <div className="kiosk__options">
        <KioskPriority value={priority} onChange={setPriority} />
        <KioskScanField
          note={scanNote}
          onScan={onScan}
          canClear={scanned !== null}
          onClear={() => {
            setScanned(null);
            setScanNote(null);
          }}
        />
      </div>
    </ScreenPage>
  );
}
