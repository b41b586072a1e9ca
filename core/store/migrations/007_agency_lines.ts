import type { Migration } from '../migrate';

/**
 * The line above an agency's name on printed forms ("cơ quan chủ quản") becomes a property of each agency
 * (catalogue field `parentName`), no longer one setting per counter (hardening #13, item 15). The old setting
 * 'forms.parentAgencyName' is moved, not lost: to every agency and every dossier's agency snapshot that has no
 * parentName of its own, so forms print what they printed before until the catalogue says otherwise; then the
 * setting is removed. (Fee receipt series live in the 'forms.feeReceiptSeries' setting and the fee_receipts
 * rows: no table change.)
 */
export const m007AgencyLines: Migration = {
  version: 7,
  name: 'agency_lines',
  up(db) {
    db.exec(`
      UPDATE agencies
         SET data = json_set(data, '$.parentName', (SELECT json_extract(value, '$') FROM settings WHERE key = 'forms.parentAgencyName'))
       WHERE json_extract(data, '$.parentName') IS NULL
         AND (SELECT json_type(value) FROM settings WHERE key = 'forms.parentAgencyName') = 'text'
         AND trim((SELECT json_extract(value, '$') FROM settings WHERE key = 'forms.parentAgencyName')) <> '';
      UPDATE dossiers
         SET agency_snapshot = json_set(agency_snapshot, '$.parentName', (SELECT json_extract(value, '$') FROM settings WHERE key = 'forms.parentAgencyName'))
       WHERE json_extract(agency_snapshot, '$.parentName') IS NULL
         AND (SELECT json_type(value) FROM settings WHERE key = 'forms.parentAgencyName') = 'text'
         AND trim((SELECT json_extract(value, '$') FROM settings WHERE key = 'forms.parentAgencyName')) <> '';
      DELETE FROM settings WHERE key = 'forms.parentAgencyName';
    `);
  },
};
