// LOG_DB: USER_LOG (PostgreSQL; quoted upper-case identifiers).
import { autoId, createIndex, createTable, nowDefault, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';

export const initial: Step = {
  async up(db, kind) {
    const t = types(kind);
    await autoId(createTable(db, kind, 'USER_LOG'), kind, 'LOG_ID')
      .addColumn('USER_ID', t.int)
      .addColumn('EVENT_TYPE', t.varchar(50), (c) => c.notNull())
      .addColumn('EVENT_DATA', t.json)
      .addColumn('CREATED_AT', t.datetime6, (c) => c.notNull().defaultTo(nowDefault(kind)))
      .addColumn('HTTP_METHOD', t.varchar(10))
      .addColumn('API_URL', t.varchar(500))
      .addColumn('REQUEST_TIME', t.datetime6)
      .addColumn('RESPONSE_TIME', t.datetime6)
      .addColumn('RESPONSE_CODE', t.int)
      .addColumn('CLIENT_IP', t.varchar(45))
      .execute();
    await createIndex(db, { name: 'ix_USER_LOG_USER_ID', table: 'USER_LOG', columns: ['USER_ID'] });
    // The per-user "latest first" read is the only query on this table.
    await createIndex(db, { name: 'ix_USER_LOG_USER_CREATED', table: 'USER_LOG', columns: ['USER_ID', 'CREATED_AT desc', 'LOG_ID desc'] });
  },
};
