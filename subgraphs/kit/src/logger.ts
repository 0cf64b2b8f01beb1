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
    destination,
  );
}
