// Builds the recipe module. Today it answers what other modules ask of the recipes; the recipe API comes next.
import type { Db } from '../../platform/db/connect.js';
import { RecipeRepo } from './repo.js';
import type { RecipeTables } from './tables.js';

export interface RecipeServices {
  exists(recipeId: number): Promise<boolean>;
}

export function createRecipeServices(db: Db<RecipeTables>): RecipeServices {
  const repo = new RecipeRepo(db);
  return { exists: (recipeId) => repo.exists(recipeId) };
}
