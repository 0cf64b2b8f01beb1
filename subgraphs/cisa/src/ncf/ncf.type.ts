import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The four areas the National Critical Functions are grouped in. */
export enum NcfArea {
  CONNECT = 'CONNECT',
  DISTRIBUTE = 'DISTRIBUTE',
  MANAGE = 'MANAGE',
  SUPPLY = 'SUPPLY',
}
registerEnumType(NcfArea, { name: 'NcfArea' });

@ObjectType({
  description:
    'A National Critical Function: a function of government and the private sector so vital to the United ' +
    'States that its disruption would have a debilitating effect (CISA National Risk Management Center, 2019).',
})
@Directive('@key(fields: "code")')
export class NationalCriticalFunction {
  @Field(() => ID, {
    description: 'The name upper-cased, runs of other characters as "_", e.g. "OPERATE_CORE_NETWORK".',
  })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => NcfArea)
  area!: NcfArea;
}
