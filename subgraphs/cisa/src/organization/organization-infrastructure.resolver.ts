import type { SubgraphContext } from '@iag/kit';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { assetsByOperatorLoader } from '../asset/asset.loader';
import { Asset } from '../asset/asset.type';
import type { CisaSchema } from '../db/schema';
import { Organization } from './organization.type';

/**
 * What CISA's infrastructure data adds to State's `Organization`: needs dependencies:read, and is
 * nullable so that a partner reading its own organization still gets everything else.
 */
@Resolver(() => Organization)
export class OrganizationInfrastructureResolver {
  @Authorized('dependencies:read')
  @FieldResolver(() => [Asset], {
    nullable: true,
    description: 'The foreign assets this organization operates, by name.',
  })
  operatedAssets(@Root() organization: Organization, @Ctx() ctx: SubgraphContext<CisaSchema>) {
    return assetsByOperatorLoader(ctx).load(organization.id);
  }
}
