import { PageArgs } from '@iag/kit';
import { ArgsType, Field } from 'type-graphql';
import { NcfArea } from './ncf.type';

@ArgsType()
export class NationalCriticalFunctionsArgs extends PageArgs {
  @Field(() => NcfArea, { nullable: true })
  area?: NcfArea | null;
}
