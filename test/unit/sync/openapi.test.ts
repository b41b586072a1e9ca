/**
 * central/openapi.yaml documents the wire protocol of core/contract/central-api.ts for integrators: it must be a
 * valid OpenAPI 3.1 document, name exactly the routes the server answers (CENTRAL_ROUTES), and give every body the
 * fields (and required fields) of its zod schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from '../../../core/contract/central-api';
import { CENTRAL_ROUTES } from '../../../central/server/routes';

const file = path.join(import.meta.dirname, '../../../central/openapi.yaml');
const doc = parse(readFileSync(file, 'utf8')) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> }; security?: unknown[] };

interface Operation {
  security?: unknown[];
  responses: Record<string, unknown>;
  parameters?: { $ref?: string; name?: string }[];
}
interface JsonSchema {
  properties?: Record<string, unknown>;
  required?: string[];
  allOf?: JsonSchema[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

/** Every (METHOD, path) the document names. */
function documented(): string[] {
  const out: string[] = [];
  for (const [p, item] of Object.entries(doc.paths)) for (const m of Object.keys(item)) if (METHODS.includes(m)) out.push(`${m.toUpperCase()} ${p}`);
  return out.sort();
}

/** Properties and required fields of a zod object, as JSON Schema names them. */
function zodShape(schema: z.ZodType): { properties: string[]; required: string[] } {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { properties: Object.keys(js.properties ?? {}).sort(), required: [...(js.required ?? [])].sort() };
}

function yamlShape(name: string): { properties: string[]; required: string[] } {
  const s = doc.components.schemas[name];
  if (!s) throw new Error(`no schema ${name}`);
  return { properties: Object.keys(s.properties ?? {}).sort(), required: [...(s.required ?? [])].sort() };
}

describe('central/openapi.yaml', () => {
  it('is an OpenAPI 3.1 document that a validator accepts', async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents exactly the routes the central server answers', () => {
    const routes = CENTRAL_ROUTES.map(([m, p]) => `${m} ${p}`).sort();
    expect(documented()).toEqual(routes);
  });

  it('asks for the bearer token on every route but health and enrol, and lists their errors', () => {
    expect(doc.security).toEqual([{ deviceToken: [] }]);
    for (const [m, p] of CENTRAL_ROUTES) {
      const op = doc.paths[p]![m.toLowerCase()]!;
      const open = p === '/v1/health' || p === '/v1/enrol';
      expect(op.security, `${m} ${p}`).toEqual(open ? [] : undefined);
      if (!open) expect(Object.keys(op.responses), `${m} ${p}`).toContain('401');
      expect(Object.keys(op.responses), `${m} ${p}`).toContain('500');
    }
    const patch = doc.paths['/v1/blobs/{sha256}']!.patch!;
    expect(patch.parameters?.map((x) => x.$ref)).toEqual(['#/components/parameters/UploadOffset', '#/components/parameters/UploadLength']);
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['409', '422']));
    expect(Object.keys(doc.paths['/v1/dossiers/{dossierId}/events/{seq}']!.put!.responses)).toContain('409');
    expect(Object.keys(doc.paths['/v1/dossiers/{dossierId}']!.get!.responses)).toContain('404');
    expect(Object.keys(doc.paths['/v1/audit-head']!.put!.responses)).toContain('409');
  });

  it('gives every body the fields and required fields of its zod schema', () => {
    const pairs: [string, z.ZodType][] = [
      ['ErrorReply', api.errorReplySchema],
      ['HealthReply', api.healthReplySchema],
      ['EnrolRequest', api.enrolRequestSchema],
      ['EnrolReply', api.enrolReplySchema],
      ['BlobStatus', api.blobStatusSchema],
      ['DossierFile', api.dossierFileSchema],
      ['DvcqgDossier', api.dvcqgDossierSchema],
      ['DossierEvent', api.dossierEventSchema],
      ['EventReply', api.eventReplySchema],
      ['DossierLookup', api.dossierLookupSchema],
      ['ChangesReply', api.changesReplySchema],
      ['SequenceBlockRequest', api.sequenceBlockRequestSchema],
      ['SequenceBlockReply', api.sequenceBlockReplySchema],
      ['AuditHead', api.auditHeadSchema],
      ['AuditHeadReply', api.auditHeadReplySchema],
    ];
    for (const [name, schema] of pairs) expect(yamlShape(name), name).toEqual(zodShape(schema));
    // Each kind of change, by its discriminator.
    const kinds: Record<string, string> = { result_ready: 'ResultReadyChange', supplement_requested: 'SupplementRequestedChange', catalogue: 'CatalogueChange', calendar: 'CalendarChange' };
    for (const option of api.changeSchema.options) {
      const kind = (option.shape.kind as z.ZodLiteral<string>).value;
      expect(yamlShape(kinds[kind]!), kind).toEqual(zodShape(option));
    }
  });
});
