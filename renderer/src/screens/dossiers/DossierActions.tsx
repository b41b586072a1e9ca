import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../../core/contract/dossiers';
import type { DossierState } from '../../../../core/domain/dossier/states';
import { Panel } from '../../components/Panel';
import { ApologyDialog } from './ApologyDialog';
import { CorrectReturnDialog } from './CorrectReturnDialog';
import { FeeDialog } from './FeeDialog';
import { ReturnResultDialog } from './ReturnResultDialog';
import { SupplementDialog } from './SupplementDialog';
import { TransitionDialog, type TransitionTarget } from './TransitionDialog';

type Action = TransitionTarget | 'apology' | 'fee' | 'return' | 'correctReturn' | 'supplement';

const ACTIVE: readonly DossierState[] = ['received', 'sent_to_agency', 'result_ready'];

/** Actions in the order a dossier moves on; only those its state allows are offered. */
export function availableActions(state: DossierState, amountDue: number): Action[] {
  const list: Action[] = [];
  if (state === 'supplement_requested') list.push('supplement');
  if (state === 'received') list.push('sent_to_agency');
  if (state === 'received' || state === 'sent_to_agency') list.push('result_ready');
  if (state === 'result_ready') list.push('return');
  if (state === 'result_returned') list.push('correctReturn');
  if ((ACTIVE.includes(state) || state === 'supplement_requested') && amountDue > 0) list.push('fee');
  if (ACTIVE.includes(state)) list.push('apology');
  if (state === 'draft' || state === 'supplement_requested' || state === 'received' || state === 'sent_to_agency') list.push('withdrawn');
  return list;
}

const LABEL: Record<Action, string> = {
  supplement: 'completeSupplement',
  sent_to_agency: 'sendToAgency',
  result_ready: 'resultReady',
  return: 'returnResult',
  correctReturn: 'correctReturn',
  fee: 'collectFee',
  apology: 'apologise',
  withdrawn: 'withdraw',
};

export function DossierActions({ view, onChanged }: { view: DossierView; onChanged(view: DossierView, message: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Action | null>(null);
  const actions = availableActions(view.state, view.fees.due);
  const close = () => setOpen(null);
  const done = (next: DossierView, message: string) => {
    setOpen(null);
    onChanged(next, message);
  };
  const props = { view, onClose: close, onDone: done };

  return (
    <Panel title={t('dossiersUi.actions.title')} level={3} className="dossier-section" testId="dossier-actions">
      {actions.length === 0 ? (
        <p className="field__hint">{t('dossiersUi.actions.none')}</p>
      ) : (
        <div className="button-row">
          {actions.map((a, i) => (
            <button
              key={a}
              type="button"
              data-action={a}
              className={i === 0 ? 'btn btn--primary' : a === 'withdrawn' ? 'btn btn--danger-outline' : 'btn'}
              aria-haspopup="dialog"
              onClick={() => setOpen(a)}
            >
              {t(`dossiersUi.actions.${LABEL[a]}`)}
            </button>
          ))}
        </div>
      )}
      {/* Always mounted, so a dialog closes through Dialog (focus goes back) even when its button is gone. */}
      {(['sent_to_agency', 'result_ready', 'withdrawn'] as const).map((to) => (
        <TransitionDialog key={to} to={to} open={open === to} {...props} />
      ))}
      <ApologyDialog open={open === 'apology'} {...props} />
      <FeeDialog open={open === 'fee'} {...props} />
      <ReturnResultDialog open={open === 'return'} {...props} />
      <CorrectReturnDialog open={open === 'correctReturn'} {...props} />
      <SupplementDialog open={open === 'supplement'} {...props} />
    </Panel>
  );
}
