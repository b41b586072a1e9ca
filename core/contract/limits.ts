/**
 * Size limits that more than one layer must agree on (contract schemas, transports, upload staging).
 * One number each, so a file the contract allows can never be dropped by a transport.
 */
const MiB = 1024 * 1024;

/** Largest attached or uploaded file, bytes. */
export const MAX_FILE_BYTES = 25 * MiB;
/** File bytes travel in chunks of at most this many bytes (before base64). */
export const UPLOAD_CHUNK_BYTES = 1 * MiB;
/** Largest message a logged-in connection may send: one base64 chunk plus its envelope. */
export const MAX_MESSAGE_BYTES = Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 64 * 1024;
/** Largest message before login: a login or resume call is a few hundred bytes. */
export const MAX_ANONYMOUS_MESSAGE_BYTES = 4 * 1024;
