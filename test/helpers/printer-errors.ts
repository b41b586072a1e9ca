/** The PrinterLinkError a promise rejects with (the test fails when it resolves or rejects with something else). */
import { expect } from 'vitest';
import { PrinterLinkError } from '../../native/printers/types';

export async function linkFailure(p: Promise<unknown>): Promise<PrinterLinkError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PrinterLinkError);
  return e as PrinterLinkError;
}
