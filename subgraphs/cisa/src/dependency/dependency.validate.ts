import { Validator, type Db } from '@iag/kit';
import { eq } from '@iag/kit/orm';
import { checkSectorCode } from '../asset/asset.validate';
import { assets, nationalCriticalFunctions, type CisaSchema } from '../db/schema';
import type { CreateDependencyInput, UpdateDependencyInput } from './dependency.input';

const REQUIRED_ON_UPDATE = ['sectorCode', 'kind', 'coupling', 'criticality', 'substitutability'] as const;

/**
 * Checks a dependency's input, looking up the asset and function it names, and throws every
 * problem at once as `input.<field>` errors. Returns the asset's country (create only).
 */
export async function validateDependencyInput(
  db: Db<CisaSchema>,
  input: CreateDependencyInput | UpdateDependencyInput,
  create: boolean,
): Promise<{ countryCode?: string }> {
  const v = new Validator();
  let countryCode: string | undefined;
  if (create) {
    const { assetId } = input as CreateDependencyInput;
    const [asset] = await db.select({ countryCode: assets.countryCode }).from(assets).where(eq(assets.id, assetId));
    if (!asset) v.add('input.assetId', `unknown asset: ${assetId}`);
    countryCode = asset?.countryCode;
  } else {
    for (const field of REQUIRED_ON_UPDATE) if (input[field] === null) v.add(`input.${field}`, 'cannot be cleared');
  }
  if (input.functionCode) {
    const [ncf] = await db
      .select({ code: nationalCriticalFunctions.code })
      .from(nationalCriticalFunctions)
      .where(eq(nationalCriticalFunctions.code, input.functionCode));
    if (!ncf) v.add('input.functionCode', `unknown national critical function: ${input.functionCode}`);
  }
  checkSectorCode(v, 'input.sectorCode', input.sectorCode);
  v.int('input.criticality', input.criticality, 1, 5);
  v.text('input.rationale', input.rationale, { max: 4000, required: false });
  v.done();
  return { countryCode };
}
