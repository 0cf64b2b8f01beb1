import { ConnectionType } from '@iag/kit';
import { ThreatProduct } from './threat-product.type';

/** Declared once: the root list and the fields on Country and Sector all return this type. */
export const ThreatProductConnection = ConnectionType(ThreatProduct);
