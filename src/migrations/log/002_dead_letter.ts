// LOG_DB: USER_LOG_DEAD_LETTER — events whose row the database refused, set aside with the error instead of
// blocking the pipeline (kept for inspection; nothing retries them).
import { autoId, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';

export const deadLetter: Step = {
  async up(db, kind) {
    const t = types(kind);
    await autoId(createTable(db, kind, 'USER_LOG_DEAD_LETTER'), kind, 'DEAD_LETTER_ID', 'bigint')
      .addColumn('LOG_ID', t.int)
      .addColumn('PAYLOAD', t.text, (c) => c.notNull())
      .addColumn('ERROR', t.varchar(500))
      .addColumn('CREATED_AT', t.datetime6, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .execute();
  },
};
