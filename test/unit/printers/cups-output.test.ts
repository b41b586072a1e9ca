/** What lp and lpstat print (LC_ALL=C), read by native/printers/system/cups.ts. Samples taken from CUPS 2.4. */
import { describe, expect, it } from 'vitest';
import { isSchedulerDown, isUnknownDestination, parseDestinations, parseDevices, parseQueueState, parseRequestId } from '../../../native/printers/system/cups';

describe('lpstat -p NAME -a NAME', () => {
  it.each([
    ['an idle, accepting queue', 'printer Office is idle.  enabled since Sun Dec  6 23:38:53 2026\nOffice accepting requests since Sun Dec  6 23:38:53 2026\n', { found: true, enabled: true, accepting: true, reason: null }],
    ['a printing queue', 'printer Office now printing Office-12.  enabled since Sun Dec  6 23:38:53 2026\nOffice accepting requests since Sun Dec  6 23:38:53 2026\n', { found: true, enabled: true, accepting: true, reason: null }],
    ['a paused queue, with its reason', 'printer Office disabled since Sun Dec  6 23:38:53 2026 -\n\tPaused\nOffice accepting requests since Sun Dec  6 23:38:53 2026\n', { found: true, enabled: false, accepting: true, reason: 'Paused' }],
    ['a queue rejecting jobs', 'printer Office is idle.  enabled since Sun Dec  6 23:38:53 2026\n\tRejecting Jobs\nOffice not accepting requests since Sun Dec  6 23:38:53 2026 -\n\tRejecting Jobs\n', { found: true, enabled: true, accepting: false, reason: 'Rejecting Jobs' }],
  ])('%s', (_what, stdout, state) => {
    expect(parseQueueState('Office', stdout)).toEqual(state);
  });

  it('matches the whole name only, regex characters included', () => {
    const out = 'printer Office2 is idle.  enabled since x\nOffice2 accepting requests since x\n';
    expect(parseQueueState('Office', out)).toEqual({ found: false });
    expect(parseQueueState('a.b', 'printer axb is idle.  enabled since x\n')).toEqual({ found: false });
    expect(parseQueueState('a.b', 'printer a.b is idle.  enabled since x\n')).toMatchObject({ found: true });
  });

  it('tells an unknown queue from a scheduler that is not there', () => {
    expect(isUnknownDestination('lpstat: Invalid destination name in list "Nope".')).toBe(true);
    expect(isUnknownDestination('lp: Error - The printer or class does not exist.')).toBe(true);
    expect(isSchedulerDown('lpstat: Unable to connect to server.')).toBe(true);
    expect(isSchedulerDown('lpstat: Invalid destination name in list "Nope".')).toBe(false);
  });
});

describe('lp and the destination listing', () => {
  it('reads the job id lp prints', () => {
    expect(parseRequestId('request id is Office-42 (0 file(s))\n')).toBe('Office-42');
    expect(parseRequestId('')).toBeNull();
  });

  it('reads lpstat -e and lpstat -v', () => {
    expect(parseDestinations('Office\nPDF\nOffice/duplex\n\n')).toEqual(['Office', 'PDF', 'Office/duplex']);
    expect(parseDestinations('lpstat: No destinations added.\n')).toEqual([]);
    expect(parseDevices('device for Office: ipp://10.0.0.9/ipp/print\ndevice for PDF: cups-pdf:/\n')).toEqual([
      { name: 'Office', device: 'ipp://10.0.0.9/ipp/print' },
      { name: 'PDF', device: 'cups-pdf:/' },
    ]);
  });
});
