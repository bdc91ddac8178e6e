/** The partner library stamps its writes with the app's clock (not the machine's), so tests and replays can set the time. */
import { expect, it } from 'vitest';
import { ManualClock } from '../../platform/jobs/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { supplierInput } from './partners.testing.js';

const AT = '2026-03-01T01:00:00.000Z';
const clock = new ManualClock(AT);

describeEachDialect(
  'partner library clock',
  (t) => {
    it('dates a partner and its child records at the app clock', async () => {
      // Each dialect's suite runs on the same clock: start from the same instant.
      clock.set(AT);
      const { services, given } = t();
      const system = services.systemContext('test');
      const partner = await services.partners.create(
        system,
        supplierInput((await given.entityByCode('CONS')).id, { name: '测试时钟供应商有限公司' }),
      );
      expect([partner.createdAt, partner.updatedAt]).toEqual([AT, AT]);

      clock.set('2026-03-02T01:00:00.000Z');
      const contact = await services.partnerRecords.addContact(system, partner.id, {
        name: '王五',
        role: null,
        position: null,
        phone: null,
        email: null,
      });
      expect(contact.createdAt).toBe('2026-03-02T01:00:00.000Z');
    });
  },
  { demo: true, clock },
);
