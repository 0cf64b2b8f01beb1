import { DateScalar, Tlp } from '@iag/kit';
import { Field, ID, InputType } from 'type-graphql';
import { AgreementKind, AgreementStatus } from './agreement.type';

@InputType({ description: 'A new agreement with foreign partners.' })
export class RecordAgreementInput {
  @Field(() => String, { description: '1 to 300 characters.' })
  title!: string;

  @Field(() => AgreementKind)
  kind!: AgreementKind;

  @Field(() => AgreementStatus)
  status!: AgreementStatus;

  @Field(() => String, { nullable: true, description: 'At most 4000 characters.' })
  summary?: string | null;

  @Field(() => [String], { description: '1 to 10 US agency codes, e.g. ["CISA", "STATE"].' })
  usAgencies!: string[];

  @Field(() => [ID], { description: 'One or more Organization ids.' })
  parties!: string[];

  @Field(() => DateScalar, { nullable: true })
  signedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not before effectiveFrom.' })
  expiresOn?: string | null;

  @Field(() => Tlp)
  maxTlp!: Tlp;

  @Field(() => [ID], { nullable: true, description: 'DHS Engagement ids carried out under the agreement.' })
  engagementIds?: string[] | null;
}

@InputType({ description: 'The fields to change; absent fields stay as they are. Lists given replace the old ones.' })
export class UpdateAgreementInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => AgreementKind, { nullable: true })
  kind?: AgreementKind | null;

  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [String], { nullable: true })
  usAgencies?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces all parties when given.' })
  parties?: string[] | null;

  @Field(() => DateScalar, { nullable: true })
  signedOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  expiresOn?: string | null;

  @Field(() => Tlp, { nullable: true })
  maxTlp?: Tlp | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces all engagement links when given.' })
  engagementIds?: string[] | null;
}
