import { tsString, type Names } from './names';

/** `src/site/site.validate.ts`: every field checked, all problems reported at once. */
export const siteValidateTs = (n: Names) => `import { randomBytes } from 'node:crypto';
import { Validator } from '@iag/kit';
import type { Create${n.entity}Input } from './site.input';

/** The 16 critical infrastructure sectors (DHS owns Sector; docs/demo-data.md lists the codes). */
export const SECTOR_CODES = new Set([
  'CHEMICAL', 'COMMERCIAL_FACILITIES', 'COMMUNICATIONS', 'CRITICAL_MANUFACTURING', 'DAMS',
  'DEFENSE_INDUSTRIAL_BASE', 'EMERGENCY_SERVICES', 'ENERGY', 'FINANCIAL_SERVICES', 'FOOD_AND_AGRICULTURE',
  'GOVERNMENT_SERVICES_AND_FACILITIES', 'HEALTHCARE_AND_PUBLIC_HEALTH', 'INFORMATION_TECHNOLOGY',
  'NUCLEAR_REACTORS_MATERIALS_AND_WASTE', 'TRANSPORTATION_SYSTEMS', 'WATER_AND_WASTEWATER_SYSTEMS',
]);

const trimmed = (value: string | null | undefined) => (typeof value === 'string' ? value.trim() : value);

/**
 * Checks a create input and returns the row to insert; throws one BAD_USER_INPUT per bad field.
 * The country code is checked for its form only: State owns the list of countries.
 */
export function validateSite(input: Create${n.entity}Input) {
  const country = trimmed(input.country)?.toUpperCase();
  const sectorCode = trimmed(input.sectorCode)?.toUpperCase() || null;
  const v = new Validator()
    .text('input.name', input.name, { max: 200 })
    .countryCode('input.country', country)
    .text('input.description', input.description, { min: 0, max: 2000, required: false });
  if (sectorCode && !SECTOR_CODES.has(sectorCode)) v.add('input.sectorCode', 'must be a critical infrastructure sector code');
  v.done();
  return {
    id: \`${n.name}-\${country!.toLowerCase()}-\${randomBytes(4).toString('hex')}\`,
    name: trimmed(input.name)!,
    countryCode: country!,
    sectorCode,
    description: trimmed(input.description) || null,
  };
}
`;

/** `src/site/site.mutation.ts`: the create mutation, through the kit's runMutation. */
export const siteMutationTs = (n: Names) => `import { NotFoundError, runMutation, type SubgraphContext } from '@iag/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITE_SCOPE } from '../access';
import { sites, type ${n.pascal}Schema } from '../db/schema';
import { Create${n.entity}Input } from './site.input';
import { siteLoader } from './site.loader';
import { ${n.entity} } from './site.type';
import { validateSite } from './site.validate';

type Ctx = SubgraphContext<${n.pascal}Schema>;

@Resolver()
export class ${n.entity}MutationResolver {
  @Authorized(WRITE_SCOPE)
  @Mutation(() => ${n.entity}, {
    description: 'Records a site. The same idempotencyKey with the same input returns the first result.',
  })
  async create${n.entity}(
    @Arg('input', () => Create${n.entity}Input) input: Create${n.entity}Input,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: Ctx,
  ) {
    const row = validateSite(input);
    // One transaction: the row, its audit record and the idempotency record stand or fall together.
    const { ids } = await runMutation(
      ctx,
      { name: 'create${n.entity}', objectType: ${tsString(n.entity)}, idempotencyKey, input },
      async (tx) => {
        await tx.insert(sites).values(row);
        return { ids: [row.id] };
      },
    );
    // Read after the commit (a replayed key returns the first id, not this call's new one).
    const site = await siteLoader(ctx).clear(ids[0]).load(ids[0]);
    if (!site) throw new NotFoundError(${tsString(n.entity)}, ids[0]);
    return site;
  }
}
`;
