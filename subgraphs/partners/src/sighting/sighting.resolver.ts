import { NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { PartnersSchema } from '../db/schema';
import { Organization } from '../organization/organization.type';
import { ThreatProduct } from '../threat-product/threat-product.type';
import { SightingsArgs } from './sighting.args';
import { loadSighting } from './sighting.loader';
import { listSightings } from './sighting.query';
import { Sighting, SightingConnection } from './sighting.type';

type Ctx = SubgraphContext<PartnersSchema>;

@Resolver(() => Sighting)
export class SightingResolver {
  // NOT_FOUND if unknown; FORBIDDEN (UNAUTHENTICATED for anonymous) if it is not the caller's to see.
  @Query(() => Sighting, { nullable: true })
  async sighting(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const sighting = await loadSighting(ctx, id);
    if (!sighting) throw new NotFoundError('Sighting', id);
    return sighting;
  }

  @Query(() => SightingConnection, {
    description: 'Sightings, most recently reported first, filtered by product, organization or kind.',
  })
  sightings(@Args(() => SightingsArgs) args: SightingsArgs, @Ctx() ctx: Ctx) {
    return listSightings(ctx, args);
  }

  @FieldResolver(() => ThreatProduct, { description: 'The product the sighting is about (owned by CISA).' })
  product(@Root() sighting: Sighting): ThreatProduct {
    return { id: sighting.productId };
  }

  @FieldResolver(() => Organization, { description: 'The partner that reported it (owned by State).' })
  organization(@Root() sighting: Sighting): Organization {
    return { id: sighting.organizationId };
  }
}

/**
 * `_entities` turns `{ id }` into a sighting: unknown ids resolve to null, hidden ones to null with
 * FORBIDDEN (UNAUTHENTICATED for anonymous callers), so the other representations still resolve.
 */
export const resolveSightingReference = (ref: { id: string }, ctx: Ctx) => loadSighting(ctx, ref.id);
