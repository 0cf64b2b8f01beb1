import { Validator, type Db } from '@iag/kit';
import { inArray } from '@iag/kit/orm';
import { assets, type CisaSchema } from '../db/schema';
import type { CreateAssetLinkInput, UpdateAssetLinkInput } from './asset-link.input';

const REQUIRED_ON_UPDATE = ['kind', 'coupling', 'status'] as const;

/**
 * Checks a link's input, looking up the two assets it names (one statement), and throws every
 * problem at once as `input.<field>` errors. An existing pair is not checked here but in the
 * mutation's transaction: here it would turn an idempotent replay of a create into a CONFLICT.
 */
export async function validateAssetLinkInput(
  db: Db<CisaSchema>,
  input: CreateAssetLinkInput | UpdateAssetLinkInput,
  create: boolean,
): Promise<void> {
  const v = new Validator();
  if (create) {
    const { assetId, dependsOnAssetId } = input as CreateAssetLinkInput;
    const found = await db.select({ id: assets.id }).from(assets).where(inArray(assets.id, [assetId, dependsOnAssetId]));
    const known = new Set(found.map((a) => a.id));
    if (!known.has(assetId)) v.add('input.assetId', `unknown asset: ${assetId}`);
    if (!known.has(dependsOnAssetId)) v.add('input.dependsOnAssetId', `unknown asset: ${dependsOnAssetId}`);
    // The database refuses it too (asset_links_not_self), but without naming the field.
    else if (dependsOnAssetId === assetId) v.add('input.dependsOnAssetId', 'an asset cannot depend on itself');
  } else {
    for (const field of REQUIRED_ON_UPDATE) if ((input as UpdateAssetLinkInput)[field] === null) v.add(`input.${field}`, 'cannot be cleared');
  }
  v.text('input.rationale', input.rationale, { max: 4000, required: false });
  v.done();
}
