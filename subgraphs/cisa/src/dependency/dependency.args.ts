import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { DependencyOrder } from './dependency.order';
import { DependencyStatus, Substitutability } from './dependency.type';

/** The arguments of every dependency list, nested ones included. */
@ArgsType()
export class DependencyPageArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only dependencies of at least this criticality, 1-5.' })
  minCriticality?: number | null;

  @Field(() => DependencyOrder, { defaultValue: DependencyOrder.RISK_DESC })
  orderBy?: DependencyOrder;
}

@ArgsType()
export class DependenciesArgs extends DependencyPageArgs {
  @Field(() => ID, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the asset country.' })
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code of the dependent sector.' })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'Code of the dependent National Critical Function.' })
  function?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only dependencies on this asset.' })
  asset?: string | null;

  @Field(() => DependencyStatus, { defaultValue: DependencyStatus.ACTIVE })
  status?: DependencyStatus;

  @Field(() => [Substitutability], {
    nullable: true,
    description: 'Only dependencies with one of these substitutabilities, e.g. [NONE] for those no other asset can take over.',
  })
  substitutability?: Substitutability[] | null;
}
