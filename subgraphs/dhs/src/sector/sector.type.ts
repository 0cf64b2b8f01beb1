import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'One of the 16 US critical infrastructure sectors (PPD-21, reaffirmed by NSM-22 in 2024).',
})
@Directive('@key(fields: "code")')
export class Sector {
  @Field(() => ID, { description: 'Stable code, e.g. "ENERGY" or "WATER_AND_WASTEWATER_SYSTEMS".' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Its Sector Risk Management Agencies, e.g. ["USDA", "HHS"].' })
  riskManagementAgencies!: string[];

  @Field(() => String)
  description!: string;
}
