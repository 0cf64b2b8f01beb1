import { tsString, type Names } from './names';

/** `src/site/site.type.ts`: the entity this subgraph owns, and its connection. */
export const siteTypeTs = (n: Names) => `import { ConnectionType } from '@iag/kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: ${tsString(`A site abroad in the records of ${n.owner}.`)} })
@Directive('@key(fields: "id")')
export class ${n.entity} {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code; \`country\` resolves it through State.' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'A critical infrastructure sector code, e.g. ENERGY.' })
  sectorCode!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: 'Incremented on every update, for optimistic concurrency.' })
  version!: number;
}

export const ${n.entity}Connection = ConnectionType(${n.entity});
`;

/** `src/site/site.args.ts`: the list's arguments. */
export const siteArgsTs = (n: Names) => `import { PageArgs } from '@iag/kit';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class ${n.entity}sArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only sites in this country (ISO 3166-1 alpha-2).' })
  country?: string | null;
}
`;

/** `src/site/site.input.ts`: what a create mutation takes. */
export const siteInputTs = (n: Names) => `import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A new ${n.entity}.' })
export class Create${n.entity}Input {
  @Field(() => String, { description: '1 to 200 characters.' })
  name!: string;

  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code (case-insensitive, stored upper-case).' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'One of the 16 critical infrastructure sector codes.' })
  sectorCode?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  description?: string | null;
}
`;
