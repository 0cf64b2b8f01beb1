import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout, one logger per service; `LOG_LEVEL` is read by the entry file. Tests pass
 * a destination to read what a service said.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  return pino({ name: service, level, base: { service } }, destination);
}
