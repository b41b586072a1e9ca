import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition } from '../../../core/domain/dossier/states';

// The central system's supplement request after receipt (issue #17): only from received or sent_to_agency.
describe('dossier states: supplement requested by the agency', () => {
  it('allows received and sent_to_agency → supplement_requested, and nothing later in the life', () => {
    expect(canTransition('received', 'supplement_requested')).toBe(true);
    expect(canTransition('sent_to_agency', 'supplement_requested')).toBe(true);
    for (const from of ['result_ready', 'result_returned', 'refused', 'withdrawn'] as const) {
      expect(canTransition(from, 'supplement_requested')).toBe(false);
      expect(() => assertTransition(from, 'supplement_requested')).toThrow('DOSSIER_BAD_TRANSITION');
    }
    // Completed by the applicant, it goes back to received as at the desk.
    expect(canTransition('supplement_requested', 'received')).toBe(true);
  });
});
