/**
 * The catalogue store: agencies and procedures in SQLite (validated records as JSON) with an in-memory search
 * index rebuilt after each import. A file with any bad row changes nothing.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { AppError } from '../../contract/errors';
import type { ByteSource, CatalogueFormat } from '../../domain/catalogue/import';
import { CATALOGUE_VERSION, type Agency, type Catalogue, type Procedure } from '../../domain/catalogue/schema';
import { ProcedureIndex, type ProcedureHit, type SearchOptions } from '../../domain/catalogue/search';
import type { Clock } from '../../platform/clock';
import { inTransaction, type Db } from '../../store/database';
import { actorLabel, type Actor } from '../actor';
import type { AuditLog } from '../audit/audit-log';
import type { UploadStaging } from '../documents/upload-staging';

export class CatalogueService {
  private index: ProcedureIndex<Procedure> | null = null;

  constructor(private readonly db: Db, private readonly audit: AuditLog, private readonly clock: Clock) {}

  agencies(): Agency[] {
    return this.db.prepare<[], { data: string }>('SELECT data FROM agencies ORDER BY code').all().map((r) => JSON.parse(r.data) as Agency);
  }

  agency(code: string): Agency {
    const row = this.db.prepare<[string], { data: string }>('SELECT data FROM agencies WHERE code = ?').get(code);
    if (!row) throw new AppError('CATALOGUE_AGENCY_NOT_FOUND', { agencyCode: code }, { field: 'agencyCode' });
    return JSON.parse(row.data) as Agency;
  }

  procedure(agencyCode: string, code: string): Procedure {
    const row = this.db
      .prepare<[string, string], { data: string }>('SELECT data FROM procedures WHERE agency_code = ? AND code = ?')
      .get(agencyCode, code);
    if (!row) throw new AppError('CATALOGUE_PROCEDURE_NOT_FOUND', { agencyCode, code }, { field: 'procedureCode' });
    return JSON.parse(row.data) as Procedure;
  }

  private procedures(): Procedure[] {
    return this.db.prepare<[], { data: string }>('SELECT data FROM procedures').all().map((r) => JSON.parse(r.data) as Procedure);
  }

  search(query: string, opts: SearchOptions): ProcedureHit<Procedure>[] {
    this.index ??= new ProcedureIndex(this.procedures());
    return this.index.search(query, opts);
  }

  snapshot(): Catalogue {
    return { version: CATALOGUE_VERSION, agencies: this.agencies(), procedures: this.procedures() };
  }

  isEmpty(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM agencies').get() as { n: number }).n === 0;
  }

  hasAgency(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM agencies WHERE code = ?').get(code) !== undefined;
  }

  /**
   * Imports a staged upload. The XLSX is read as a stream with limits (rows, cells, unpacked size), so a huge
   * file is refused early and other connections keep being answered while it is read. The upload is used once.
   */
  async importUpload(actor: Actor, staging: UploadStaging, uploadId: string, format: CatalogueFormat | undefined, mode: 'merge' | 'replace'): Promise<{ agencies: number; procedures: number }> {
    const staged = staging.take(actor, uploadId, 'catalogue', 'uploadId');
    const fd = openSync(staged.path, 'r');
    const source: ByteSource = {
      size: staged.bytes,
      readAt: (offset, length) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, staged.bytes - offset)));
        readSync(fd, buf, 0, buf.length, offset);
        return buf;
      },
      stream: () => createReadStream(staged.path),
    };
    try {
      return await this.importSource(actor, source, format, mode);
    } finally {
      closeSync(fd);
      staging.discard(uploadId);
    }
  }

  /** Imports bytes already in memory (the first-run sample, tests). */
  importFile(actor: Actor, bytes: Uint8Array, format: CatalogueFormat | undefined, mode: 'merge' | 'replace'): Promise<{ agencies: number; procedures: number }> {
    return this.importSource(actor, bytes, format, mode);
  }

  private async importSource(actor: Actor, source: Uint8Array | ByteSource, format: CatalogueFormat | undefined, mode: 'merge' | 'replace'): Promise<{ agencies: number; procedures: number }> {
    // Loaded on use: the XLSX library costs ~200 ms at start-up, and most starts never import a file.
    const { importCatalogue } = await import('../../domain/catalogue/import');
    const result = await importCatalogue(source, format);
    if (!result.catalogue || result.errors.length > 0) {
      throw new AppError('CATALOGUE_IMPORT_REJECTED', { count: result.errors.length }, { details: result.errors });
    }
    return this.store(actor, result.catalogue, mode);
  }

  store(actor: Actor, catalogue: Catalogue, mode: 'merge' | 'replace'): { agencies: number; procedures: number } {
    inTransaction(this.db, () => this.write(actor, catalogue, mode));
    this.index = null;
    return { agencies: catalogue.agencies.length, procedures: catalogue.procedures.length };
  }

  /**
   * Stores the catalogue only into an empty one (first-run sample), deciding inside the same write
   * transaction: processes starting together on a new data folder store it once. False when not empty.
   */
  storeIfEmpty(actor: Actor, catalogue: Catalogue): boolean {
    const stored = inTransaction(this.db, () => {
      if (!this.isEmpty()) return false;
      this.write(actor, catalogue, 'merge');
      return true;
    });
    if (stored) this.index = null;
    return stored;
  }

  /** The rows and their audit entry; the caller holds the transaction. */
  private write(actor: Actor, catalogue: Catalogue, mode: 'merge' | 'replace'): void {
    const now = this.clock.now().toISOString();
    const who = actorLabel(actor);
    if (mode === 'replace') {
      // Procedures referenced by dossiers keep their snapshot in the dossier; the catalogue itself is replaced.
      this.db.prepare('DELETE FROM procedures').run();
      const keep = new Set(catalogue.agencies.map((a) => a.code));
      for (const code of this.db.prepare('SELECT code FROM agencies').pluck().all() as string[]) {
        if (!keep.has(code)) this.db.prepare('DELETE FROM agencies WHERE code = ?').run(code);
      }
    }
    const upA = this.db.prepare(
      `INSERT INTO agencies (code, name, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    for (const a of catalogue.agencies) upA.run(a.code, a.name, JSON.stringify(a), now, who);
    const upP = this.db.prepare(
      `INSERT INTO procedures (agency_code, code, name, active, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(agency_code, code) DO UPDATE SET name = excluded.name, active = excluded.active, data = excluded.data,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    for (const p of catalogue.procedures) {
      try {
        upP.run(p.agencyCode, p.code, p.name, p.active ? 1 : 0, JSON.stringify(p), now, who);
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new AppError('CATALOGUE_AGENCY_NOT_FOUND', { agencyCode: p.agencyCode });
        throw e;
      }
    }
    this.audit.append(actor, {
      action: 'catalogue.import',
      entity: 'catalogue',
      data: { mode, agencies: catalogue.agencies.length, procedures: catalogue.procedures.length },
    });
  }

  async export(format: CatalogueFormat): Promise<Uint8Array> {
    const { exportCatalogue } = await import('../../domain/catalogue/export');
    return exportCatalogue(this.snapshot(), format);
  }
}
