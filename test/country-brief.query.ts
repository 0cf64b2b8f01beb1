// The query of DESIGN.md that shows why the hub exists: one request across all four agencies.
// Shared by the tests that send it, so that they all send the same one.
export const COUNTRY_BRIEF = /* GraphQL */ `
  query CountryBrief($code: ID!) {
    country(code: $code) {
      name
      organizations { name kind maturity { level } }
      engagements(first: 10) { edges { node { title leadAgency startsOn } } }
      dependencies(first: 20) { edges { node { criticality asset { name operator { name } } sector { name } } } }
      threatProducts(first: 10) { edges { node { trackingId tlp deliveries { recipient { name } acknowledgedAt } } } }
    }
  }
`;
