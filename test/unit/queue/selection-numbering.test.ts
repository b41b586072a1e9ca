/** Ticket numbers (issue #18): the printed text and what a clerk may type. */
import { describe, expect, it } from 'vitest';
import { parseTicketNumber, ticketNumberOf, ticketNumberText } from '../../../core/domain/queue/numbering';

describe('ticket numbers', () => {
  it('pads to 3 digits after the prefix; longer numbers stay whole', () => {
    expect(ticketNumberText('A', 7)).toBe('A007');
    expect(ticketNumberText('', 1001)).toBe('1001');
    expect(ticketNumberText('AB', 1234)).toBe('AB1234');
  });
  it('counts from the start number', () => {
    expect(ticketNumberOf(1, 1)).toBe(1);
    expect(ticketNumberOf(1001, 3)).toBe(1003);
  });
  it('reads a typed number whatever its case, spaces and padding', () => {
    expect(parseTicketNumber(' a23 ')).toEqual({ prefix: 'A', num: 23 });
    expect(parseTicketNumber('A023')).toEqual({ prefix: 'A', num: 23 });
    expect(parseTicketNumber('1023')).toEqual({ prefix: '', num: 1023 });
    expect(parseTicketNumber('A 0 0 7')).toEqual({ prefix: 'A', num: 7 });
    expect(parseTicketNumber('ABC1')).toBeNull();
    expect(parseTicketNumber('A')).toBeNull();
    expect(parseTicketNumber('#1')).toBeNull();
  });
});
