/**
 * Which uncertain job the clerk is asked about now, and which wait their turn. Events arrive in bursts and while an
 * answer is on its way (the job the clerk just answered changes state before the answer's reply comes back), so
 * the order is kept here, outside React's batched state: one question at a time, none asked twice, a job settled
 * elsewhere (another window answered, cancelled) no longer asked, and the job being answered here left alone.
 */
import type { PrintJob } from '../../../../core/contract/printing';

export type UncertainJob = Pick<PrintJob, 'id' | 'title' | 'printerUri' | 'error'> & { seq?: number | undefined };

export class UncertainQuestions {
  private asked: UncertainJob | null = null;
  private readonly waiting: UncertainJob[] = [];
  private answering: string | null = null;

  /** The question on screen. */
  get current(): UncertainJob | null {
    return this.asked;
  }

  /** A job became uncertain here: asked now, or after the one on screen. False when it is already known. */
  becameUncertain(job: UncertainJob): boolean {
    if (this.asked?.id === job.id || this.waiting.some((j) => j.id === job.id)) return false;
    if (this.asked) this.waiting.push(job);
    else this.asked = job;
    return true;
  }

  /** A job left 'uncertain'. True when it was the question on screen and another answer took it away. */
  settled(jobId: string): boolean {
    if (jobId === this.answering) return false;
    const i = this.waiting.findIndex((j) => j.id === jobId);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.asked?.id !== jobId) return false;
    this.asked = this.waiting.shift() ?? null;
    return true;
  }

  /** The clerk chose this job in the queue's list: asked now (it is not asked a second time later). */
  askAbout(job: UncertainJob): void {
    const i = this.waiting.findIndex((j) => j.id === job.id);
    if (i >= 0) this.waiting.splice(i, 1);
    if (this.asked && this.asked.id !== job.id) this.waiting.unshift(this.asked);
    this.asked = job;
  }

  /** The clerk's answer for the question on screen is being sent. */
  answerStarted(jobId: string): void {
    this.answering = jobId;
  }

  /** The answer came back: done (the next question shows) or failed (the same question stays, with the error). */
  answerEnded(jobId: string, ok: boolean): void {
    if (this.answering === jobId) this.answering = null;
    if (ok && this.asked?.id === jobId) this.asked = this.waiting.shift() ?? null;
  }

  /** Esc or "later": this one stays uncertain (asked again from the list); the next one, if any, shows. */
  later(): void {
    this.asked = this.waiting.shift() ?? null;
  }
}
