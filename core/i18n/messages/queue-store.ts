import type { Messages } from '../types';

/** Issue #18: the queue's stores (SQLite, PostgreSQL): numbering, calling, ticket states. Vietnamese first, English beside it. */
export const queueStore: Messages = {
  vi: {},
  en: {},
};
