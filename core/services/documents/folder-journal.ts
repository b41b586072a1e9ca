/**
 * Which folders under <data>/files this process writes into, recorded (committed, so durable) before the first file
 * lands in each. A crash between "file durable" and "row committed" can only leave an orphan in a recorded folder,
 * so the sweep at start compares just those folders with their rows, however large the files tree has grown.
 * A folder is recorded once per process; the sweep clears the records of processes that are gone.
 */
import type { Db } from '../../store/database';

export class FolderJournal {
  private readonly marked = new Set<string>();

  constructor(private readonly db: Db, private readonly now: () => Date, private readonly pid: number = process.pid) {}

  /** `folder` is relative to <data>/files with '/' separators: `<dossierId>` or `scans/<batchId>`. */
  mark(folder: string): void {
    if (this.marked.has(folder)) return;
    this.db.prepare('INSERT OR IGNORE INTO files_dirty_folders (folder, pid, since) VALUES (?, ?, ?)').run(folder, this.pid, this.now().toISOString());
    this.marked.add(folder);
  }
}
