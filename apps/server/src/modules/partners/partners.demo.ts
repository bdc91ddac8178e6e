import { addDays, businessDate } from '@concord/contracts';
import { Readable } from 'node:stream';
import type { FilesService } from '../../platform/files/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import { type DemoPlatform, type DemoSeeded, defineDemo } from '../../platform/kit/index.js';
import { demoPartners } from './partners.demo-data.js';
import { type PartnerFactoryServices, partner } from './partners.factories.js';

/**
 * The demo partner library: registered by demo users (so each has an owner who hears of expiring
 * qualifications), with bank accounts, contacts and qualifications, built with the partner
 * factories the tests use.
 */
export const partnersDemo = defineDemo({
  seed: async (
    services: PartnerFactoryServices & { files: FilesService } & DemoPlatform,
    seeded: DemoSeeded<'org' | 'iam'>,
  ): Promise<void> => seedDemoPartners(services, seeded),
});

async function seedDemoPartners(
  services: PartnerFactoryServices & { files: FilesService } & DemoPlatform,
  { org, iam }: DemoSeeded<'org' | 'iam'>,
): Promise<void> {
  const contexts = new Map<string, RequestContext>();
  const as = async (username: string, entityId: string): Promise<RequestContext> => {
    const known = contexts.get(username);
    if (known) return known;
    const ctx = await iam.as(username, entityId);
    contexts.set(username, ctx);
    return ctx;
  };
  const today = businessDate(services.clock.now());
  const day = (offset: number) => addDays(today, offset);

  for (const demo of demoPartners) {
    const entityId = org.entityIds.get(demo.entity)!;
    const ctx = await as(demo.by, entityId);
    // A qualification's scan is uploaded by the registrant before the partner's rows refer to it.
    const qualifications = [];
    for (const q of demo.qualifications ?? []) {
      const file = q.file
        ? await services.files.upload(ctx, {
            name: q.file,
            contentType: 'text/plain',
            stream: Readable.from([Buffer.from(`${demo.name}\n${q.type}\n${q.number}\n（示例附件）\n`)]),
          })
        : null;
      qualifications.push({
        type: q.type,
        number: q.number,
        validFrom: day(-q.startedDaysAgo),
        validTo: q.endsInDays === null ? null : day(q.endsInDays),
        attachmentFileId: file?.id ?? null,
      });
    }
    await partner(services, ctx, {
      name: demo.name,
      creditCode: demo.creditCode,
      kinds: demo.kinds,
      type: demo.type ?? 'enterprise',
      industry: demo.industry,
      region: demo.region,
      address: demo.address,
      remarks: demo.remarks ?? null,
      entityId,
      sharedWithGroup: demo.shared ?? false,
      bank: demo.bank ? { ...demo.bank, accountName: demo.name } : undefined,
      contact: demo.contact,
      qualifications,
      blacklist: demo.blacklist,
    });
  }
}
