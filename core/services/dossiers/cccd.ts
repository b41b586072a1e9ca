/** The applicant QR parser the dossier service uses: the CCCD rules of core/domain/cccd. */
import { parseCccdQr } from '../../domain/cccd/parse';
import type { ParsedQr } from './dossier-service';

export function parseApplicantQr(text: string): ParsedQr {
  // The record carries more (birth province, repair note); contracts strip what they do not declare.
  return parseCccdQr(text);
}
