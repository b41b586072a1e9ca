import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WedgeKeyboardListener } from '../../input/wedge-listener';

/**
 * The optional scan: a QR scanner acting as a keyboard types into this field and ends with Enter. A scan made while
 * focus is elsewhere (a burst of keys too fast for a person) is caught anywhere on the screen and handled the same
 * way, so a citizen need not find the field first.
 */
export function KioskScanField({ note, onScan, onClear, canClear }: { note: string | null; onScan(text: string): void; onClear(): void; canClear: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    const listener = new WedgeKeyboardListener(window, (scan) => latest.current(scan.text));
    return () => listener.dispose();
  }, []);

  return (
    <div className="kiosk-scan">
      <label htmlFor={id} className="kiosk-scan__label">
        {t('kioskUi.kiosk.scan.label')}
      </label>
      <p id={`${id}-hint`} className="kiosk-hint">
        {t('kioskUi.kiosk.scan.hint')}
      </p>
      <div className="kiosk-scan__row">
        <input
          id={id}
          type="text"
          className="kiosk-scan__input"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint ${id}-note`}
          data-testid="kiosk-scan"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (text.trim()) onScan(text);
            setText('');
          }}
        />
        {canClear && (
          <button type="button" className="kiosk-toggle" onClick={onClear} data-testid="kiosk-scan-clear">
            {t('kioskUi.kiosk.scan.clear')}
          </button>
        )}
      </div>
      <p id={`${id}-note`} role="status" className="kiosk-scan__note" data-testid="kiosk-scan-note">
        {note}
      </p>
    </div>
  );
}
