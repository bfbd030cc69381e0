// SERVICE_DB: the top-selling list sorted by rating (score, then review count) walks this index.
import type { Step } from '../../platform/db/migrate.js';
import { index } from './helpers.js';

export const kokRatingIndex: Step = {
  async up(db, kind) {
    await index(db, kind, {
      name: 'idx_kok_product_score_cnt',
      table: 'FCT_KOK_PRODUCT_INFO',
      columns: ['KOK_REVIEW_SCORE desc', 'KOK_REVIEW_CNT desc', 'KOK_PRODUCT_ID'],
    });
  },
};
