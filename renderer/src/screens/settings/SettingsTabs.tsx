import { useRef, type KeyboardEvent } from 'react';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
}

/**
 * A tab list (WAI-ARIA tabs, automatic activation): one tab in the Tab order, arrow keys / Home / End move
 * and select. Panels are tied by id: `${prefix}-tab-${id}` labels `${prefix}-panel-${id}`.
 */
export function SettingsTabs<Id extends string>({ tabs, selected, onSelect, label, prefix }: { tabs: readonly Tab<Id>[]; selected: Id; onSelect(id: Id): void; label: string; prefix: string }) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === selected);
    const to: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
    const next = to[e.key];
    if (next === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`${prefix}-tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`${prefix}-panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          className="tabs__tab"
          data-tab={t.id}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
