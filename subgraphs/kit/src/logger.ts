import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger };

/**
 * JSON logs on stdout, one logger per service; `LOG_LEVEL` is read by the entry file. Tests pass
 * a destination to read what a service said.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service },
      // No line logs headers on purpose; should one ever log a request, its tokens still stay out.
      redact: { paths: ['authorization', '*.authorization', '*.headers.authorization', 'token', '*.token'], censor: '[redacted]' },
    },
    // Synchronous stdout by default. pino's default writes on the thread pool, and exiting while
    // such a write was in flight let the last lines swap places or vanish ("stopped" before
    // "database closed"; a fatal line lost). One line per request costs microseconds this way.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
