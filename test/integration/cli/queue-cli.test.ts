/**
 * `motcua queue …` (issue #18): the shapes scripts and checks rely on (status, ticket, call with --json), the small
 * set-up commands, and bad input refused with exit 2 and the Vietnamese message. In process (a spawn costs ~2 s).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { motcuaInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

describe('motcua queue', () => {
  const data = tempDir('motcua-queue-cli-');
  const cli = (...args: string[]) => motcuaInProcess(data.dir, args);
  const json = <T>(r: { code: number; stdout: string; stderr: string }): T => {
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  afterAll(() => data.cleanup());

  it('sets up a group, issues tickets, shows the status and calls them in order; nobody left: {"number":null}', async () => {
    const group = json<{ code: string; prefix: string; hours: { mode: string } }>(await cli('queue', 'group', 'set', 'T', '--name', 'Thử nghiệm', '--prefix', 'T', '--hours', 'always', '--json'));
    expect(group).toMatchObject({ code: 'T', prefix: 'T', hours: { mode: 'always' } });

    const first = json<{ number: string; service: string; ahead: number }>(await cli('queue', 'ticket', '--service', 'T', '--no-print', '--json'));
    expect(first).toMatchObject({ number: 'T001', service: 'T', ahead: 0 });
    // A code typed in lower case names the same service.
    const second = json<{ number: string; ahead: number; priority: string | null }>(await cli('queue', 'ticket', '--service', 't', '--no-print', '--json'));
    expect(second).toMatchObject({ number: 'T002', ahead: 1 });
    const text = await cli('queue', 'ticket', '--service', 'T', '--priority', 'elderly', '--no-print');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Đã cấp số T003 — Thử nghiệm; 0 người đang chờ trước\./);

    const status = json<{ services: Array<{ code: string; name: string; waiting: number }>; counters: unknown[] }>(await cli('queue', 'status', '--json'));
    expect(status.services.find((s) => s.code === 'T')).toMatchObject({ name: 'Thử nghiệm', waiting: 3 });
    expect(Array.isArray(status.counters)).toBe(true);

    // Priority first, then first come first served.
    expect(json<{ number: string }>(await cli('queue', 'call', '--counter', '1', '--json')).number).toBe('T003');
    expect(json<{ number: string }>(await cli('queue', 'call', '--counter', '1', '--json')).number).toBe('T001');
    expect(json<{ number: string }>(await cli('queue', 'call', '--counter', '2', '--json')).number).toBe('T002');
    expect(json<{ number: null }>(await cli('queue', 'call', '--counter', '1', '--json'))).toEqual({ number: null });

    const after = json<{ counters: Array<{ number: number; current: { number: string } | null }> }>(await cli('queue', 'status', '--json'));
    expect(after.counters.find((c) => c.number === 2)?.current?.number).toBe('T002');
  });

  it('a ticket that cannot be printed stands: exit 0, the reason on stderr', async () => {
    const r = await cli('queue', 'ticket', '--service', 'T', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ number: 'T004', printJobId: null, printError: { code: 'PRINT_NO_PRINTER' } });
  });

  it('counters: once one is set up, unknown and group-less counters are refused', async () => {
    json(await cli('queue', 'counter', 'set', '1', '--groups', 'T', '--name', 'Quầy 1', '--json'));
    json(await cli('queue', 'counter', 'set', '2', '--groups', '', '--json'));
    const listed = json<{ countersConfigured: boolean; counters: Array<{ number: number; groups: string[] }> }>(await cli('queue', 'counters', '--json'));
    expect(listed).toMatchObject({ countersConfigured: true, counters: [{ number: 1, groups: ['T'] }, { number: 2, groups: [] }] });
    const none = await cli('queue', 'call', '--counter', '2');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/QUEUE_COUNTER_NO_GROUPS.*chưa được chọn dịch vụ/);
    const unknown = await cli('queue', 'call', '--counter', '9');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/QUEUE_COUNTER_UNKNOWN.*Quầy số 9/);
    // A daily cap set and cleared; a service no counter serves issues nothing (bad input: pick another, exit 2).
    expect(json(await cli('queue', 'group', 'set', 'U', '--prefix', 'U', '--hours', 'always', '--cap', '5', '--json'))).toMatchObject({ dailyCap: 5 });
    expect(json(await cli('queue', 'group', 'set', 'U', '--cap', 'none', '--json'))).toMatchObject({ dailyCap: null });
    const unserved = await cli('queue', 'ticket', '--service', 'U', '--no-print');
    expect(unserved.code).toBe(2);
    expect(unserved.stderr).toMatch(/QUEUE_NO_COUNTER.*chưa có quầy nào phục vụ/);
  });

  it('bad input: exit 2 with the Vietnamese message, nothing issued', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['queue', 'ticket', '--service', 'NOPE', '--no-print'], /QUEUE_SERVICE_UNKNOWN.*Không có dịch vụ "NOPE"/],
      [['queue', 'ticket', '--service', 'a b'], /Mã dịch vụ "a b"/],
      [['queue', 'ticket', '--service', 'T', '--priority', 'vip'], /--priority "vip": phải là một trong/],
      [['queue', 'call', '--counter', '0'], /--counter "0"/],
      [['queue', 'group', 'set', 'X', '--hours', 'sometimes'], /--hours "sometimes": phải là always hoặc calendar/],
      [['queue', 'group', 'set', 'X', '--cap', '0'], /--cap "0"/],
      [['queue', 'counter', 'set', '3', '--groups', 'A,,b'], /--groups "A,,b"/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    const tickets = json<{ services: Array<{ code: string; waiting: number }> }>(await cli('queue', 'status', '--json'));
    expect(tickets.services.find((s) => s.code === 'T')?.waiting).toBe(1);
  });
});
