import type { Db } from '@iag/kit';
import { deliveries, maturityAssessments, sightings, type PartnersSchema } from '../db/schema';
import { demoDeliveries } from './data/deliveries';
import { demoMaturityAssessments } from './data/maturity-assessments';
import { demoSightings } from './data/sightings';

export interface SeedOptions {
  /** Load the invented demo set; Partners has no reference data, so without it nothing is loaded. */
  demo: boolean;
}

/**
 * Loads Partners' demo data: deliveries of CISA's products to State's organizations, what the
 * recipients reported back, and maturity assessments (ids from docs/demo-data.md). Idempotent:
 * existing rows are left as they are, so a second run changes nothing.
 */
export async function seedPartners(db: Db<PartnersSchema>, options: SeedOptions) {
  if (!options.demo) return { deliveries: 0, sightings: 0, maturityAssessments: 0 };
  await db.transaction(async (tx) => {
    await tx.insert(deliveries).values(demoDeliveries).onConflictDoNothing();
    await tx.insert(sightings).values(demoSightings).onConflictDoNothing();
    await tx.insert(maturityAssessments).values(demoMaturityAssessments).onConflictDoNothing();
  });
  return {
    deliveries: demoDeliveries.length,
    sightings: demoSightings.length,
    maturityAssessments: demoMaturityAssessments.length,
  };
}
