import { ConnectionType } from '@iag/kit';
import { AssetLink } from './asset-link.type';

/** Declared once: both sides of an asset (`dependsOn`, `dependents`) return this type. */
export const AssetLinkConnection = ConnectionType(AssetLink);
