import { Validator } from '@iag/kit';
import type { CreateAssetInput, UpdateAssetInput } from './asset.input';

/** DHS owns sectors; we check only the shape of their codes (e.g. `TRANSPORTATION_SYSTEMS`). */
export const SECTOR_CODE = /^[A-Z_]{3,60}$/;

/** Checks a sector code; shared by assets and dependencies. */
export function checkSectorCode(v: Validator, field: string, code: string | null | undefined): void {
  if (code !== undefined && code !== null && !SECTOR_CODE.test(code)) v.add(field, 'must be a sector code (3 to 60 of A-Z and _)');
}

/** Fields that may not be null on an update: the column has no empty value. */
const REQUIRED_ON_UPDATE = ['name', 'kind', 'countryCode'] as const;

/**
 * Checks an asset's input (create: `create` true, required fields must be present) and throws
 * every problem at once as `input.<field>` errors. Nothing is written before this passes.
 */
export function validateAssetInput(input: CreateAssetInput | UpdateAssetInput, create: boolean): void {
  const v = new Validator();
  if (!create) {
    for (const field of REQUIRED_ON_UPDATE) if (input[field] === null) v.add(`input.${field}`, 'cannot be cleared');
  }
  v.text('input.name', input.name, { max: 200, required: create });
  v.countryCode('input.countryCode', input.countryCode);
  if (create && !input.countryCode) v.add('input.countryCode', 'is required');
  v.text('input.operatorId', input.operatorId, { max: 100, required: false });
  v.text('input.description', input.description, { max: 4000, required: false });
  if (input.latitude != null && !(input.latitude >= -90 && input.latitude <= 90)) v.add('input.latitude', 'must be from -90 to 90');
  if (input.longitude != null && !(input.longitude >= -180 && input.longitude <= 180)) {
    v.add('input.longitude', 'must be from -180 to 180');
  }
  const technologies = input.technologies ?? [];
  if (technologies.length > 50) v.add('input.technologies', 'must list at most 50 names');
  technologies.forEach((name, i) => v.text(`input.technologies[${i}]`, name, { max: 200 }));
  (input.sectorCodes ?? []).forEach((code, i) => checkSectorCode(v, `input.sectorCodes[${i}]`, code));
  v.done();
}
