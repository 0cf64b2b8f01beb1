import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one logger per service; `LOG_LEVEL` is read by the entry file. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
