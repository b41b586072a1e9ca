/**
 * The words of a stored sync error: the server's own reason for a rejection (Vietnamese, per the protocol), else the
 * catalogue's text for the code (network, timeout, 5xx, a bad reply …), else a general line that still names it.
 */
import type { ErrorParams } from '../../contract/errors';
import { errorMessage, hasMessage, t } from '../../i18n/translate';

export function errorText(code: string, serverMessage: string | null, paramsJson: string | null): string {
  if (serverMessage) return serverMessage;
  let params: ErrorParams;
  try {
    params = paramsJson ? (JSON.parse(paramsJson) as ErrorParams) : {};
  } catch {
    params = {};
  }
  if (hasMessage(`errors.${code}`)) return errorMessage(code, params);
  return t('syncOutbox.unknownReason', { code, detail: typeof params.detail === 'string' ? params.detail : '' });
}
