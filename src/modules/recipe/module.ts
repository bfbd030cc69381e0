// Builds the recipe module. Today it answers what other modules ask of the recipes; the recipe API comes next.
import type { Db } from '../../platform/db/connect.js';
import { RecipeRepo } from './repo.js';
import type { RecipeTables } from './tables.js';

export interface RecipeSummary {
  title: string | null;
  description: string | null;
  scrapCount: number | null;
}

export interface RecipeServices {
  exists(recipeId: number): Promise<boolean>;
  /** The recipes among `ids` that exist, by id (orders show them). */
  summaries(ids: number[]): Promise<Map<number, RecipeSummary>>;
}

export function createRecipeServices(db: Db<RecipeTables>): RecipeServices {
  const repo = new RecipeRepo(db);
  return {
    exists: (recipeId) => repo.exists(recipeId),
    summaries: async (ids) =>
      new Map((await repo.summaries(ids)).map((r) => [r.RECIPE_ID, { title: r.RECIPE_TITLE, description: r.COOKING_INTRODUCTION, scrapCount: r.SCRAP_COUNT }])),
  };
}
