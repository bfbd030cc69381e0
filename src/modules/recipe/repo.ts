// SQL over the recipe tables (FCT_RECIPE, FCT_MTRL, RECIPE_RATING).
import type { Db } from '../../platform/db/connect.js';
import type { RecipeTables } from './tables.js';

export class RecipeRepo {
  constructor(private readonly db: Db<RecipeTables>) {}

  /** Title, introduction and scrap count of each recipe that exists (one query). */
  async summaries(ids: number[]) {
    if (ids.length === 0) return [];
    return this.db.kysely.selectFrom('FCT_RECIPE').select(['RECIPE_ID', 'RECIPE_TITLE', 'COOKING_INTRODUCTION', 'SCRAP_COUNT']).where('RECIPE_ID', 'in', ids).execute();
  }

  async exists(recipeId: number): Promise<boolean> {
    const row = await this.db.kysely.selectFrom('FCT_RECIPE').select('RECIPE_ID').where('RECIPE_ID', '=', recipeId).executeTakeFirst();
    return row !== undefined;
  }
}
