/**
 * Every route the central server answers, as [method, path template]. The router dispatches on this table and a
 * test checks central/openapi.yaml documents exactly these (core/contract/central-api.ts is the wire contract).
 */
export const CENTRAL_ROUTES = [
  ['GET', '/v1/health'],
  ['POST', '/v1/enrol'],
  ['GET', '/v1/blobs/{sha256}'],
  ['PATCH', '/v1/blobs/{sha256}'],
  ['PUT', '/v1/dossiers/{dossierId}/events/{seq}'],
  ['GET', '/v1/dossiers/{dossierId}'],
  ['GET', '/v1/changes'],
  ['POST', '/v1/sequence-blocks'],
  ['PUT', '/v1/audit-head'],
  ['GET', '/v1/audit-head'],
] as const;

export type CentralRoute = (typeof CENTRAL_ROUTES)[number];
