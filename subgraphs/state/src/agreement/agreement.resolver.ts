import { ConnectionType, NotFoundError, type SubgraphContext } from '@iag/kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { hiddenError } from '@iag/kit';
import type { StateSchema } from '../db/schema';
import { Engagement } from '../engagement/engagement.type';
import { partiesByAgreementLoader } from '../organization/organization.loader';
import { Organization } from '../organization/organization.type';
import { AgreementsArgs } from './agreement.args';
import { agreementLoader, engagementIdsByAgreementLoader } from './agreement.loader';
import { listAgreements } from './agreement.query';
import { Agreement } from './agreement.type';

export const AgreementConnection = ConnectionType(Agreement);
type Ctx = SubgraphContext<StateSchema>;

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, { nullable: true })
  async agreement(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx) {
    const agreement = await agreementLoader(ctx).load(id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    if (!agreement.visible) throw hiddenError(ctx.principal, 'Agreement', id);
    return agreement;
  }

  @Query(() => AgreementConnection, { description: 'Agreements by effective date, filtered by status, kind, party or date.' })
  agreements(@Args(() => AgreementsArgs) args: AgreementsArgs, @Ctx() ctx: Ctx) {
    return listAgreements(ctx, args);
  }

  @FieldResolver(() => [Organization], { description: 'The foreign organizations party to the agreement.' })
  parties(@Root() agreement: Agreement, @Ctx() ctx: Ctx) {
    return partiesByAgreementLoader(ctx).load(agreement.id);
  }

  @FieldResolver(() => [Engagement], { description: 'Engagements carried out under this agreement.' })
  async engagements(@Root() agreement: Agreement, @Ctx() ctx: Ctx) {
    const ids = await engagementIdsByAgreementLoader(ctx).load(agreement.id);
    return ids.map((id) => ({ id }));
  }
}

/**
 * `_entities` turns `{ id }` into an agreement: unknown ids resolve to null; hidden ones to null with
 * FORBIDDEN (UNAUTHENTICATED for anonymous callers), reported for that representation only.
 */
export async function resolveAgreementReference(ref: { id: string }, ctx: Ctx) {
  const agreement = await agreementLoader(ctx).load(ref.id);
  if (!agreement) return null;
  if (!agreement.visible) throw hiddenError(ctx.principal, 'Agreement', ref.id);
  return agreement;
}
