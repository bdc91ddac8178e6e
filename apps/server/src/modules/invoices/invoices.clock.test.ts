/** The registry stamps its writes with the app's clock (not the machine's), so tests and replays can set the time. */
import { expect, it } from 'vitest';
import { newId } from '../../db/index.js';
import { ManualClock } from '../../platform/jobs/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { paperInvoice } from './invoices.testing.js';

const AT = '2026-03-01T01:00:00.000Z';
const clock = new ManualClock(AT);

describeEachDialect(
  'invoice registry clock',
  (t) => {
    it('dates a registration, a use and a void at the app clock', async () => {
      // Each dialect's suite runs on the same clock: start from the same instant.
      clock.set(AT);
      const { services, given } = t();
      const system = services.systemContext('test');
      const entityId = (await given.entityByCode('CONS')).id;
      const documentId = newId();
      const registered = await services.invoices.register(system, { ...paperInvoice(), entityId });
      expect([registered.createdAt, registered.updatedAt]).toEqual([AT, AT]);

      clock.set('2026-03-02T01:00:00.000Z');
      const usage = await services.db.transaction().execute((trx) =>
        services.invoiceUse.use(trx, system, registered.id, {
          documentType: 'contract',
          documentId,
          documentLabel: 'HT-CLOCK',
          entityId,
          amount: 10_000,
        }),
      );
      expect(usage.createdAt).toBe('2026-03-02T01:00:00.000Z');
      await services.db.transaction().execute((trx) =>
        services.invoiceUse.release(trx, system, usage.id, {
          documentType: 'contract',
          documentId,
        }),
      );

      clock.set('2026-03-03T01:00:00.000Z');
      const voided = await services.invoices.void(system, registered.id, '开错');
      expect([voided.createdAt, voided.updatedAt]).toEqual([AT, '2026-03-03T01:00:00.000Z']);
    });
  },
  { demo: true, clock },
);
