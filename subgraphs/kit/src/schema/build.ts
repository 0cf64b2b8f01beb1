import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { authChecker } from '../access';
import { createAuditLogResolver } from '../audit/audit.resolver';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReferenceResolver = (reference: any, context: any, info: any) => unknown;

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name: how `_entities` turns a key into an object. */
  references?: Record<string, ReferenceResolver>;
  /** Adds `<subgraph>AuditLog`, readable by the owning agency's auditors. */
  audit: { subgraph: string; ownerAgency: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  authChecker?: AuthChecker<any>;
}

export interface SubgraphSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL with federation directives, as composition reads it. */
  sdl: string;
}

/**
 * Turns type-graphql classes into a Federation 2 subgraph schema. type-graphql knows nothing of
 * federation, so its schema is printed with the directives kept (`@key`, `@shareable`), given the
 * federation `@link`, and rebuilt by @apollo/subgraph, which adds `_service` and `_entities`.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<SubgraphSchema> {
  const typeSchema = await buildSchema({
    resolvers: [...options.resolvers, createAuditLogResolver(options.audit.subgraph, options.audit.ownerAgency)],
    orphanedTypes: options.orphanedTypes,
    authChecker: options.authChecker ?? authChecker,
    // Federation directives are undefined until @apollo/subgraph adds them.
    skipCheck: true,
    validate: false,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeSchema)}\n`;
  const resolvers = createResolversMap(typeSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return { schema, sdl };
}
