import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { agreementEngagements, agreementParties, agreements, countries, organizations, type StateSchema } from '../db/schema';
import { demoAgreements } from './data/agreements';
import countryData from './data/countries.json' with { type: 'json' };
import { demoOrganizations } from './data/organizations';

export interface SeedOptions {
  /** Also load the invented demo set; reference data (countries) is always loaded. */
  demo: boolean;
}

/**
 * Loads State's reference and demo data. Idempotent: rows are upserted by key, so a second run
 * changes nothing and a run after a data edit brings the rows up to date.
 */
export async function seedState(db: Db<StateSchema>, options: SeedOptions) {
  await db.transaction(async (tx) => {
    await tx
      .insert(countries)
      .values(countryData)
      .onConflictDoUpdate({
        target: countries.code,
        set: {
          alpha3: sql`excluded.alpha3`,
          numeric: sql`excluded.numeric`,
          name: sql`excluded.name`,
          officialName: sql`excluded.official_name`,
          region: sql`excluded.region`,
          subregion: sql`excluded.subregion`,
        },
      });
    if (!options.demo) return;

    await tx.insert(organizations).values(demoOrganizations).onConflictDoNothing();
    await tx
      .insert(agreements)
      .values(demoAgreements.map(({ parties: _p, engagements: _e, ...row }) => row))
      .onConflictDoNothing();
    await tx
      .insert(agreementParties)
      .values(demoAgreements.flatMap((a) => a.parties.map((organizationId) => ({ agreementId: a.id, organizationId }))))
      .onConflictDoNothing();
    const links = demoAgreements.flatMap((a) => a.engagements.map((engagementId) => ({ agreementId: a.id, engagementId })));
    await tx.insert(agreementEngagements).values(links).onConflictDoNothing();
  });
  return { countries: countryData.length, organizations: options.demo ? demoOrganizations.length : 0 };
}
