// The recipe module's tables in SERVICE_DB (schema.md §3): recipes, materials and ratings.
import type { Generated } from 'kysely';

export interface FctRecipeTable {
  RECIPE_ID: number;
  RECIPE_TITLE: string | null;
  COOKING_NAME: string | null;
  SCRAP_COUNT: number | null;
  COOKING_CASE_NAME: string | null;
  COOKING_CATEGORY_NAME: string | null;
  COOKING_INTRODUCTION: string | null;
  NUMBER_OF_SERVING: string | null;
  THUMBNAIL_URL: string | null;
}

export interface FctMtrlTable {
  MATERIAL_ID: Generated<number>;
  RECIPE_ID: number | null;
  MATERIAL_NAME: string | null;
  MEASURE_AMOUNT: string | null;
  MEASURE_UNIT: string | null;
  DETAILS: string | null;
}

export interface TestMtrlTable {
  MATERIAL_NAME: string | null;
}

export interface RecipeRatingTable {
  RATING_ID: Generated<number>;
  RECIPE_ID: number;
  USER_ID: number;
  RATING: number;
}

export interface RecipeTables {
  FCT_RECIPE: FctRecipeTable;
  FCT_MTRL: FctMtrlTable;
  TEST_MTRL: TestMtrlTable;
  RECIPE_RATING: RecipeRatingTable;
}
