import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/*
 * What the server logs per request: one line when it is answered (method, URL, status, time), not
 * Fastify's two ("incoming request", "request completed"). In a terminal the lines are plain text
 * a person reads; elsewhere (a service manager, a container) they stay pino's JSON, one object a line.
 */

export type LogFormat = 'json' | 'readable';

/** One log line per answered request. */
export function logEachRequestOnce(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** A destination for pino that writes each JSON line as readable text: `12:00:01 GET /api/v1/x 200 4ms`. */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) out.write(`${readableLine(line)}\n`);
      done();
    },
  });
}

/** One pino JSON line as text; a line that is no JSON is kept as it is. */
export function readableLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[entry.level as number] ?? String(entry.level ?? '');
  const tag = level === 'info' ? '' : ` ${level.toUpperCase()}`;
  if (entry.msg === 'request' && entry.method)
    return `${time}${tag} ${entry.method} ${entry.url} ${entry.statusCode} ${entry.ms}ms`;
  const error = entry.err as { stack?: string; message?: string } | undefined;
  const detail = error ? `\n${error.stack ?? error.message ?? ''}` : '';
  return `${time}${tag} ${String(entry.msg ?? '')}${detail}`;
}
