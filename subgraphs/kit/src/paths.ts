import { fileURLToPath } from 'node:url';

/** `.data/keys/` of this checkout: development keys, generated on first use and git-ignored. */
export const DEV_KEYS_DIR = fileURLToPath(new URL('../../../.data/keys/', import.meta.url));
export const DEV_INTERNAL_KEY_FILE = `${DEV_KEYS_DIR}internal.json`;
