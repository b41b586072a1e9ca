import { SubmitButton, type SubmitButtonProps } from './SubmitButton';

export interface DialogActionsProps extends Omit<SubmitButtonProps, 'block'> {
  cancelLabel: string;
  onCancel(): void;
}

/** The bottom row of a form in a dialog: Cancel closes it, the other button submits the form. */
export function DialogActions({ cancelLabel, onCancel, ...submit }: DialogActionsProps) {
  return (
    <div className="dialog__actions">
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel}
      </button>
      <SubmitButton {...submit} />
    </div>
  );
}
