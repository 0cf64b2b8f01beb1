import { DateScalar, PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';
import { AgreementKind, AgreementStatus } from './agreement.type';

@ArgsType()
export class AgreementsArgs extends PageArgs {
  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => AgreementKind, { nullable: true })
  kind?: AgreementKind | null;

  @Field(() => ID, { nullable: true, description: 'Only agreements this organization is a party to.' })
  organization?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only agreements with a party from this country.' })
  country?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only agreements in effect on this date.' })
  activeOn?: string | null;
}
