import { ConnectionType } from '@iag/kit';
import { Dependency } from './dependency.type';

/** Declared once: every dependency list (root and nested) returns this type. */
export const DependencyConnection = ConnectionType(Dependency);
