import { ConnectionType } from '@iag/kit';
import { NationalCriticalFunction } from './ncf.type';

export const NationalCriticalFunctionConnection = ConnectionType(NationalCriticalFunction);
