import { Writable } from 'node:stream';
import Fastify, { LogController } from 'fastify';
import { describe, expect, it } from 'vitest';
import { logEachRequestOnce, readableLine, readableLogStream } from './request-log.js';

describe('the request log', () => {
  it('writes one line per answered request, as JSON for a log collector', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const app = Fastify({
      logger: { level: 'info', stream },
      logController: new LogController({ disableRequestLogging: true }),
    });
    logEachRequestOnce(app);
    app.get('/hello', async () => ({ ok: true }));
    await app.inject({ method: 'GET', url: '/hello?x=1' });
    await app.close();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'request',
      method: 'GET',
      url: '/hello?x=1',
      statusCode: 200,
    });
  });

  it('writes the same lines as text a person reads in a terminal, errors with their stack', async () => {
    const time = Date.UTC(2026, 11, 7, 4, 5, 6);
    const clock = new Date(time).toTimeString().slice(0, 8);
    expect(
      readableLine(
        JSON.stringify({
          level: 30,
          time,
          msg: 'request',
          method: 'POST',
          url: '/api/v1/x',
          statusCode: 201,
          ms: 12,
        }),
      ),
    ).toBe(`${clock} POST /api/v1/x 201 12ms`);
    expect(
      readableLine(JSON.stringify({ level: 50, time, msg: 'boom', err: { stack: 'Error: boom\n    at x' } })),
    ).toBe(`${clock} ERROR boom\nError: boom\n    at x`);
    expect(readableLine('not json')).toBe('not json');
    const out: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out.push(chunk.toString());
        done();
      },
    });
    readableLogStream(sink).write(`${JSON.stringify({ level: 40, time, msg: 'slow' })}\n`);
    expect(out).toEqual([`${clock} WARN slow\n`]);
  });
});
