// REC_DB (PostgreSQL + pgvector, schema.md §5): four embedding tables, vector(384), quoted upper-case names.
import { sql } from 'kysely';
import { autoId, createIndex, createTable, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';

export const initial: Step = {
  async up(db, kind) {
    if (kind === 'postgres') await sql`CREATE EXTENSION IF NOT EXISTS vector`.execute(db);
    const t = types(kind);

    await autoId(createTable(db, kind, 'RECIPE_VECTOR_TABLE'), kind, 'VECTOR_ID')
      .addColumn('RECIPE_ID', t.bigint)
      .addColumn('VECTOR_NAME', t.vector(384))
      .execute();
    // MATERIAL_ID / KOK_PRODUCT_ID: bigint as the ETL creates them (DOC DDL says integer).
    await autoId(createTable(db, kind, 'MATERIAL_VECTOR_TABLE'), kind, 'VECTOR_ID')
      .addColumn('MATERIAL_ID', t.bigint)
      .addColumn('MATERIAL_NAME', t.varchar(100))
      .addColumn('VECTOR_NAME', t.vector(384))
      .execute();
    await autoId(createTable(db, kind, 'KOK_VECTOR_TABLE'), kind, 'VECTOR_ID')
      .addColumn('KOK_PRODUCT_ID', t.bigint)
      .addColumn('VECTOR_NAME', t.vector(384))
      .execute();
    await autoId(createTable(db, kind, 'HOMESHOPPING_VECTOR_TABLE'), kind, 'VECTOR_ID')
      .addColumn('PRODUCT_ID', t.bigint)
      .addColumn('VECTOR_NAME', t.vector(384))
      .execute();

    // Not in any original DDL (schema.md §5): HNSW with cosine ops (pgvector defaults m=16, ef_construction=64);
    // vectors are unit length, so `<=>` order equals `<->` order, but only `<=>` queries use this index.
    await sql`CREATE INDEX IF NOT EXISTS ${sql.id('RECIPE_VECTOR_TABLE_VECTOR_NAME_hnsw')} ON ${sql.table('RECIPE_VECTOR_TABLE')} USING hnsw (${sql.ref('VECTOR_NAME')} vector_cosine_ops)`.execute(db);
    await createIndex(db, { name: 'RECIPE_VECTOR_TABLE_RECIPE_ID', table: 'RECIPE_VECTOR_TABLE', columns: ['RECIPE_ID'] });
    await createIndex(db, { name: 'KOK_VECTOR_TABLE_KOK_PRODUCT_ID', table: 'KOK_VECTOR_TABLE', columns: ['KOK_PRODUCT_ID'] });
  },
};
