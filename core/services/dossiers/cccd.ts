/** The applicant QR parser the dossier service uses: the CCCD rules of core/domain/cccd. */
import { parseCccdQr } from '../../domain/cccd/parse';
import type { ParsedQr } from './dossier-service';

export function parseApplicantQr(text: string): ParsedQr {
  const r = parseCccdQr(text);
  return {
    idNumber: r.idNumber,
    oldIdNumber: r.oldIdNumber,
    fullName: r.fullName,
    dateOfBirth: r.dateOfBirth,
    gender: r.gender,
    address: r.address,
    issueDate: r.issueDate,
    warnings: [...r.warnings],
  };
}
