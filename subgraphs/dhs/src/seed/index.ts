import type { Db } from '@iag/kit';
import { sql } from '@iag/kit/orm';
import { engagementPartners, engagements, engagementSectors, sectors, type DhsSchema } from '../db/schema';
import { demoEngagements } from './data/engagements';
import { referenceSectors } from './data/sectors';

export interface SeedOptions {
  /** Also load the invented demo set; reference data (sectors) is always loaded. */
  demo: boolean;
}

/**
 * Loads DHS's reference and demo data. Idempotent: sectors are upserted by code, so a run after a
 * data edit brings them up to date; demo rows are inserted once and left alone after, so changes
 * made through the API survive a restart.
 */
export async function seedDhs(db: Db<DhsSchema>, options: SeedOptions) {
  await db.transaction(async (tx) => {
    await tx
      .insert(sectors)
      .values(referenceSectors)
      .onConflictDoUpdate({
        target: sectors.code,
        set: {
          name: sql`excluded.name`,
          riskManagementAgencies: sql`excluded.risk_management_agencies`,
          description: sql`excluded.description`,
        },
      });
    if (!options.demo) return;

    await tx
      .insert(engagements)
      .values(demoEngagements.map(({ partners: _p, sectors: _s, ...row }) => row))
      .onConflictDoNothing();
    const partners = demoEngagements.flatMap((e) =>
      e.partners.map((organizationId) => ({ engagementId: e.id, organizationId })),
    );
    await tx.insert(engagementPartners).values(partners).onConflictDoNothing();
    const concerns = demoEngagements.flatMap((e) =>
      e.sectors.map((sectorCode) => ({ engagementId: e.id, sectorCode })),
    );
    await tx.insert(engagementSectors).values(concerns).onConflictDoNothing();
  });
  return { sectors: referenceSectors.length, engagements: options.demo ? demoEngagements.length : 0 };
}
