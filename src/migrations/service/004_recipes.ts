// SERVICE_DB recipes (schema.md §3.6): FCT_RECIPE, FCT_MTRL, TEST_MTRL, RECIPE_RATING. No FK constraints (see helpers.ts).
import { autoId, createTable, types } from '../../platform/db/ddl.js';
import type { Step } from '../../platform/db/migrate.js';
import { hasDuplicates, index } from './helpers.js';

export const recipes: Step = {
  async up(db, kind) {
    const t = types(kind);

    await createTable(db, kind, 'FCT_RECIPE')
      .addColumn('RECIPE_ID', t.int, (c) => c.primaryKey().notNull())
      .addColumn('RECIPE_TITLE', t.varchar(200))
      .addColumn('COOKING_NAME', t.varchar(100))
      .addColumn('SCRAP_COUNT', t.int)
      .addColumn('COOKING_CASE_NAME', t.varchar(200))
      .addColumn('COOKING_CATEGORY_NAME', t.varchar(200))
      .addColumn('COOKING_INTRODUCTION', t.text)
      .addColumn('NUMBER_OF_SERVING', t.varchar(200))
      .addColumn('THUMBNAIL_URL', t.text)
      .execute();
    await index(db, kind, { name: 'idx_recipe_cooking_name', table: 'FCT_RECIPE', columns: ['COOKING_NAME'] });
    await index(db, kind, { name: 'idx_recipe_scrap_count', table: 'FCT_RECIPE', columns: ['SCRAP_COUNT desc'] });

    // MATERIAL_ID is auto-increment as in the ETL and ORM (the DOC dump shows none).
    await autoId(createTable(db, kind, 'FCT_MTRL'), kind, 'MATERIAL_ID')
      .addColumn('RECIPE_ID', t.int)
      .addColumn('MATERIAL_NAME', t.varchar(100))
      .addColumn('MEASURE_AMOUNT', t.varchar(100))
      .addColumn('MEASURE_UNIT', t.varchar(200))
      .addColumn('DETAILS', t.varchar(200))
      .execute();
    await index(db, kind, { name: 'FK_FCT_MTRL_FCT_RECIPE', table: 'FCT_MTRL', columns: ['RECIPE_ID'] });
    await index(db, kind, { name: 'idx_material_name', table: 'FCT_MTRL', columns: ['MATERIAL_NAME'] });

    // Distinct ingredient vocabulary; no primary key and no index in the original.
    await createTable(db, kind, 'TEST_MTRL').addColumn('MATERIAL_NAME', t.varchar(100)).execute();

    // RATING_ID is auto-increment as in the ORM (the DOC dump shows none).
    await autoId(createTable(db, kind, 'RECIPE_RATING'), kind, 'RATING_ID')
      .addColumn('RECIPE_ID', t.int, (c) => c.notNull())
      .addColumn('USER_ID', t.int, (c) => c.notNull())
      .addColumn('RATING', t.int, (c) => c.notNull())
      .execute();
    // Product decision: one rating per user per recipe (upsert). An adopted database whose users rated twice
    // keeps all its rows (ratings are user data) and gets a plain index instead of the unique key.
    const key = ['RECIPE_ID', 'USER_ID'];
    if (await hasDuplicates(db, 'RECIPE_RATING', key)) {
      console.warn('RECIPE_RATING has several ratings per user and recipe: unique key not created');
      await index(db, kind, { name: 'idx_recipe_id', table: 'RECIPE_RATING', columns: key });
    } else {
      // DOC's idx_recipe_id (RECIPE_ID) is a left prefix of this unique key: not created.
      await index(db, kind, { name: 'uk_recipe_rating_recipe_user', table: 'RECIPE_RATING', columns: key, unique: true });
    }
  },
};
