import { useEffect, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import { useAnnouncer } from '../../a11y/Announcer';
import { api } from '../../bridge';
import { Field } from '../../components/Field';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { describeError } from '../../i18n/error-text';
import { useScanHandler } from '../../input/scan-handlers';

function isTextEntry(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(el.type);
}

/**
 * While this screen shows and no dialog is open, a character typed outside any text field moves focus to the
 * lookup field first, so a clerk can type a code at once. (Scans never type: the scan router hands them over.)
 */
function useTypeToLookup(inputRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      if (e.key.length !== 1 || e.key === ' ' || e.key === '?') return;
      if (isTextEntry(document.activeElement) || document.querySelector('dialog[open]')) return;
      // An area that gives letters its own meaning (the scanned-page grid: R, M, K) keeps them.
      if (document.activeElement?.closest('[data-own-keys]')) return;
      inputRef.current?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [inputRef]);
}

/** Scan the receipt QR (code or lookup URL) or type the code, Enter: the dossier opens. */
export function LookupForm({ inputRef, onOpen }: { inputRef: RefObject<HTMLInputElement | null>; onOpen(view: DossierView): void }) {
  const { t } = useTranslation();
  const announce = useAnnouncer();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTypeToLookup(inputRef);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = text.trim();
    if (!value) {
      setError(t('dossiersUi.lookup.required'));
      inputRef.current?.focus();
      return;
    }
    void open(value);
  };

  const open = async (value: string) => {
    setBusy(true);
    setError(null);
    try {
      const view = await api.call('dossiers.lookup', { text: value });
      setText('');
      announce(t('dossiersUi.lookup.opened', { code: view.code ?? view.id }));
      onOpen(view);
    } catch (err) {
      const shown = describeError(t, err);
      setError(shown.text);
      announce(shown.text, 'assertive');
      // Selected, so the next scan replaces the wrong code instead of appending to it.
      inputRef.current?.focus();
      inputRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

  // A receipt QR (or any code) scanned on this screen opens its dossier, wherever focus is; the scan is never
  // typed into a field, so the lookup field shows what was scanned only if it fails.
  useScanHandler(['receipt', 'other'], (scan) => {
    if (busy) return false;
    setText(scan.text.trim());
    void open(scan.text.trim());
    return true;
  });

  return (
    <Panel title={t('dossiersUi.lookup.title')} className="dossier-lookup">
      <form className="dossier-lookup__form" noValidate onSubmit={submit} data-testid="dossier-lookup">
        <Field
          label={t('dossiersUi.lookup.label')}
          name="dossier-code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          hint={t('dossiersUi.lookup.hint')}
          value={text}
          onValue={setText}
          error={error ?? undefined}
          inputRef={inputRef}
        />
        <SubmitButton label={t('dossiersUi.lookup.submit')} busy={busy} />
      </form>
    </Panel>
  );
}
