/**
 * The order of the uncertain-job questions (renderer/src/screens/printing/uncertain-questions.ts): one at a time,
 * never the same job twice, a job settled elsewhere dropped, and the job the clerk is answering left alone when its
 * own state change arrives before the answer's reply (which would otherwise skip the next question).
 */
import { describe, expect, it } from 'vitest';
import { UncertainQuestions, type UncertainJob } from '../../../renderer/src/screens/printing/uncertain-questions';

const job = (id: string): UncertainJob => ({ id, title: `Phiếu ${id}`, printerUri: 'escpos+tcp://127.0.0.1:9100', error: null });

describe('uncertain questions', () => {
  it('asks one at a time, in order, each job once', () => {
    const q = new UncertainQuestions();
    expect(q.becameUncertain(job('a'))).toBe(true);
    expect(q.becameUncertain(job('b'))).toBe(true);
    expect(q.becameUncertain(job('a'))).toBe(false); // the same event again (a reconnect, a burst)
    expect(q.becameUncertain(job('b'))).toBe(false);
    expect(q.current?.id).toBe('a');
    q.answerStarted('a');
    q.answerEnded('a', true);
    expect(q.current?.id).toBe('b');
    q.later(); // Esc: b stays uncertain, asked again from the list only
    expect(q.current).toBeNull();
  });

  it("ignores the answered job's own change arriving before the reply, so the next question is not skipped", () => {
    const q = new UncertainQuestions();
    q.becameUncertain(job('a'));
    q.becameUncertain(job('b'));
    q.answerStarted('a');
    expect(q.settled('a')).toBe(false); // 'a' went back to queued because of this very answer
    expect(q.current?.id).toBe('a');
    q.answerEnded('a', true);
    expect(q.current?.id).toBe('b');
  });

  it('keeps the question when the answer fails', () => {
    const q = new UncertainQuestions();
    q.becameUncertain(job('a'));
    q.answerStarted('a');
    q.answerEnded('a', false);
    expect(q.current?.id).toBe('a');
    expect(q.settled('a')).toBe(true); // and a later change from elsewhere still closes it
    expect(q.current).toBeNull();
  });

  it('drops a job settled elsewhere, on screen or waiting', () => {
    const q = new UncertainQuestions();
    q.becameUncertain(job('a'));
    q.becameUncertain(job('b'));
    q.becameUncertain(job('c'));
    expect(q.settled('b')).toBe(false); // waiting: dropped quietly
    expect(q.settled('a')).toBe(true); // on screen: the next one shows
    expect(q.current?.id).toBe('c');
    expect(q.settled('c')).toBe(true);
    expect(q.current).toBeNull();
    expect(q.settled('zzz')).toBe(false);
  });

  it('a job chosen from the list is asked now, and not again later', () => {
    const q = new UncertainQuestions();
    q.becameUncertain(job('a'));
    q.becameUncertain(job('b'));
    q.askAbout(job('b'));
    expect(q.current?.id).toBe('b');
    q.answerStarted('b');
    q.answerEnded('b', true);
    expect(q.current?.id).toBe('a'); // the one it displaced comes back
    q.answerStarted('a');
    q.answerEnded('a', true);
    expect(q.current).toBeNull();
  });
});
