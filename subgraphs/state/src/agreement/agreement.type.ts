import { DateScalar, Tlp } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum AgreementKind {
  MEMORANDUM_OF_UNDERSTANDING = 'MEMORANDUM_OF_UNDERSTANDING',
  INFORMATION_SHARING_ARRANGEMENT = 'INFORMATION_SHARING_ARRANGEMENT',
  JOINT_STATEMENT = 'JOINT_STATEMENT',
  LETTER_OF_INTENT = 'LETTER_OF_INTENT',
  TREATY = 'TREATY',
}
registerEnumType(AgreementKind, { name: 'AgreementKind' });

export enum AgreementStatus {
  NEGOTIATING = 'NEGOTIATING',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus' });

@ObjectType({ description: 'An MOU, information-sharing arrangement or similar instrument with foreign partners.' })
@Directive('@key(fields: "id")')
export class Agreement {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => AgreementKind)
  kind!: AgreementKind;

  @Field(() => AgreementStatus)
  status!: AgreementStatus;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => [String], { description: 'US agencies party to the agreement, e.g. ["CISA", "STATE"].' })
  usAgencies!: string[];

  @Field(() => DateScalar, { nullable: true })
  signedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom!: string | null;

  @Field(() => DateScalar, { nullable: true })
  expiresOn!: string | null;

  @Field(() => Tlp, { description: 'The most restricted TLP level the agreement allows to be shared under it.' })
  maxTlp!: Tlp;

  @Field(() => Int)
  version!: number;
}
