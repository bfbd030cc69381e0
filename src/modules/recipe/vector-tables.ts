// The recipe module's vector tables (REC_DB, schema.md §5). VECTOR_NAME is pgvector's text literal, e.g. '[0.1,0.2,…]' (384 values,
// unit length); write it as that string (cast with ::vector in raw SQL where needed).
import type { Generated } from 'kysely';

export interface RecipeVectorTable {
  VECTOR_ID: Generated<number>;
  RECIPE_ID: number | null;
  VECTOR_NAME: string | null;
}

export interface MaterialVectorTable {
  VECTOR_ID: Generated<number>;
  MATERIAL_ID: number | null;
  MATERIAL_NAME: string | null;
  VECTOR_NAME: string | null;
}

export interface KokVectorTable {
  VECTOR_ID: Generated<number>;
  KOK_PRODUCT_ID: number | null;
  VECTOR_NAME: string | null;
}

export interface HomeshoppingVectorTable {
  VECTOR_ID: Generated<number>;
  PRODUCT_ID: number | null;
  VECTOR_NAME: string | null;
}

export interface RecommendTables {
  RECIPE_VECTOR_TABLE: RecipeVectorTable;
  MATERIAL_VECTOR_TABLE: MaterialVectorTable;
  KOK_VECTOR_TABLE: KokVectorTable;
  HOMESHOPPING_VECTOR_TABLE: HomeshoppingVectorTable;
}
