import { asc, sql } from '@iag/kit/orm';
import { threatProducts } from '../db/schema';

/**
 * Newest published first, drafts (no publication date) last, ties by id: the order of the
 * `threat_products_*_idx` indexes, shared by every list so pages never disagree.
 */
export const newestPublishedFirst = [sql`${threatProducts.publishedAt} desc nulls last`, asc(threatProducts.id)];
