/**
 * A function's code: its name upper-cased, every run of characters other than letters and digits
 * replaced by `_` ("Provide Internet Routing, Access, and Connection Services" is
 * `PROVIDE_INTERNET_ROUTING_ACCESS_AND_CONNECTION_SERVICES`). Other agencies build the same codes
 * from the published names, so the rule must not change.
 */
export function ncfCode(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
