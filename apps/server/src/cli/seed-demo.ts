import type { Services } from '../app.js';
import { type DemoRegistry, seedModuleDemos } from '../platform/kit/index.js';
import { DEMO_PASSWORD } from './demo-data.js';

/** True when the database has no organisation yet (a first start). */
export async function isEmpty(services: Services): Promise<boolean> {
  return services.org.isEmpty();
}

/**
 * Creates the demo group: every loaded module's demo step, in dependency order, through the same
 * services the API uses, so every row is validated and audited like any other write.
 */
export async function seedDemo(services: Services): Promise<void> {
  const seeded = (await seedModuleDemos(
    services.loaded.map(({ definition }) => definition),
    services,
  )) as Pick<DemoRegistry, 'org'>;
  // Welcome messages, so that the bell and the notification centre are not empty on first sign-in;
  // sent once every module's demo is in place, as the last write of the seed.
  const ctx = services.systemContext('seed-demo');
  await services.db.transaction().execute(async (trx) => {
    for (const [entityId, recipients] of seeded.org.usersByEntity) {
      await services.notifications.notify(trx, ctx, {
        recipients: [...recipients],
        template: 'system.welcome',
        link: '/account/profile',
        entityId,
        robots: false,
      });
    }
  });
}

export { DEMO_PASSWORD };
