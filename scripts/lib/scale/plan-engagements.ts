// Engagements as DHS writes them and State's agreements cite them: who took part and where.
import { ids, poolFor, rng, SALT } from './plan';
import { orgCountry } from './plan-world';

export interface PlannedEngagement {
  id: string;
  countryCode: string;
  /** State organization ids; the first one sets the country. */
  partners: string[];
}

export function plannedEngagement(i: number): PlannedEngagement {
  const r = rng(i, SALT.engagement);
  const picks = r.distinct(r.int(1, 3), poolFor('engagements', i, 'organizations'));
  return { id: ids.engagement(i), countryCode: orgCountry(picks[0]), partners: picks.map(ids.organization) };
}
