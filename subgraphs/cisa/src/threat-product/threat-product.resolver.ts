import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Country } from '../country/country.type';
import type { CisaSchema } from '../db/schema';
import { Engagement } from '../engagement/engagement.type';
import { Sector } from '../sector/sector.type';
import { vulnerabilitiesByProductLoader } from '../vulnerability/vulnerability.loader';
import { Vulnerability } from '../vulnerability/vulnerability.type';
import { admitProduct } from './product.access';
import { ThreatProductRevision } from './threat-product-revision.type';
import { ThreatProductsArgs } from './threat-product.args';
import { ThreatProductConnection } from './threat-product.connection';
import {
  countryCodesByProductLoader,
  engagementIdsByProductLoader,
  revisionsByProductLoader,
  sectorCodesByProductLoader,
  threatProductByTrackingIdLoader,
  threatProductLoader,
} from './threat-product.loader';
import { listThreatProducts } from './threat-product.query';
import { ThreatProduct, ThreatProductAudience } from './threat-product.type';

type Ctx = SubgraphContext<CisaSchema>;

@Resolver(() => ThreatProduct)
export class ThreatProductResolver {
  @Query(() => ThreatProduct, { nullable: true })
  async threatProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const product = admitProduct(ctx, await threatProductLoader(ctx).load(id));
    if (!product) throw new NotFoundError('ThreatProduct', id);
    return product;
  }

  @Query(() => ThreatProduct, { nullable: true, description: 'A product by its tracking id, e.g. "AA25-142A".' })
  async threatProductByTrackingId(@Arg('trackingId', () => String) trackingId: string, @Ctx() ctx: Ctx) {
    const found = await threatProductByTrackingIdLoader(ctx).load(trackingId.trim().toUpperCase());
    const product = admitProduct(ctx, found);
    if (!product) throw new NotFoundError('ThreatProduct', trackingId);
    return product;
  }

  @Query(() => ThreatProductConnection, {
    description:
      'Threat products, newest published first (drafts last), filtered by kind, TLP, sector, country, status, date or a search.',
  })
  threatProducts(@Args(() => ThreatProductsArgs) args: ThreatProductsArgs, @Ctx() ctx: Ctx) {
    return listThreatProducts(ctx, args);
  }

  @FieldResolver(() => ThreatProductAudience)
  audience(@Root() product: ThreatProduct): ThreatProductAudience {
    return {
      agencies: product.audienceAgencies,
      organizations: product.audienceOrganizations.map((id) => ({ id })),
      individuals: product.audienceIndividuals,
    };
  }

  @FieldResolver(() => [ThreatProductRevision], { description: 'Every revision, oldest first.' })
  revisions(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return revisionsByProductLoader(ctx).load(product.id);
  }

  @FieldResolver(() => [Sector], { description: 'The critical infrastructure sectors it concerns.' })
  async sectors(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    const codes = await sectorCodesByProductLoader(ctx).load(product.id);
    return codes.map((code) => ({ code }));
  }

  @FieldResolver(() => [Country], { description: 'The countries it concerns.' })
  async countries(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    const codes = await countryCodesByProductLoader(ctx).load(product.id);
    return codes.map((code) => ({ code }));
  }

  // Also what puts the Engagement stub in the schema at all: type-graphql emits only types that
  // some field reaches, and without it `Engagement.threatProductsShared` would vanish.
  @FieldResolver(() => [Engagement], { description: 'DHS engagements in which it was shared.' })
  async engagements(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    const ids = await engagementIdsByProductLoader(ctx).load(product.id);
    return ids.map((id) => ({ id }));
  }

  @FieldResolver(() => [Vulnerability], { description: 'The known exploited vulnerabilities it covers.' })
  vulnerabilities(@Root() product: ThreatProduct, @Ctx() ctx: Ctx) {
    return vulnerabilitiesByProductLoader(ctx).load(product.id);
  }
}

/** `_entities` turns `{ id }` into a product; null for unknown ids, FORBIDDEN for products the caller may not see. */
export const resolveThreatProductReference = async (ref: { id: string }, ctx: Ctx) =>
  admitProduct(ctx, await threatProductLoader(ctx).load(ref.id));
