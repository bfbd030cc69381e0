// SQL over the recipe tables (FCT_RECIPE, FCT_MTRL, RECIPE_RATING).
import type { Db } from '../../platform/db/connect.js';
import type { RecipeTables } from './tables.js';

export class RecipeRepo {
  constructor(private readonly db: Db<RecipeTables>) {}

  async exists(recipeId: number): Promise<boolean> {
    const row = await this.db.kysely.selectFrom('FCT_RECIPE').select('RECIPE_ID').where('RECIPE_ID', '=', recipeId).executeTakeFirst();
    return row !== undefined;
  }
}
