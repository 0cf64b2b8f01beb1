import { ConnectionType } from '@iag/kit';
import { Asset } from './asset.type';

export const AssetConnection = ConnectionType(Asset);
