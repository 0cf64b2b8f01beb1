import type { GraphQLFormattedError } from 'graphql';

// "Did you mean "name"?", "Did you mean "a", "b", or "c"?", "Did you mean the enum value "RED"?"
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Production answers never suggest names: suggestions let an anonymous caller rebuild the schema
 * field by field (what tools like clairvoyance do) while introspection is refused to them.
 * Apollo's `hideSchemaDetailsFromClientErrors` covers validation errors only; this also covers
 * variable coercion ("Value "REDD" does not exist in "Tlp" enum. Did you mean ...") and anything a
 * subgraph says, since it runs on every error the gateway formats.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}
