/**
 * Factories of partner rows for tests and for the demo seed: each creates a real row through the
 * services (checked by the API's zod schemas first, so validated and audited like an API write),
 * with defaults for whatever the caller does not care about.
 */
import {
  creditCodeCheckChar,
  type PartnerDetail,
  partnerBankAccountInputSchema,
  partnerContactInputSchema,
  partnerCreateSchema,
  partnerQualificationInputSchema,
} from '@concord/contracts';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/http/index.js';
import type { PartnerRecordsService } from './partner-records.service.js';
import type { PartnersService } from './partners.service.js';

/** The services the partner factories write through (the app's `Services` has them all). */
export interface PartnerFactoryServices {
  partners: PartnersService;
  partnerRecords: PartnerRecordsService;
}

export interface PartnerFactoryInput extends Partial<z.input<typeof partnerCreateSchema>> {
  /** The default bank account (its account name is the partner's name unless given). */
  bank?: Omit<z.input<typeof partnerBankAccountInputSchema>, 'accountName'> & { accountName?: string };
  contact?: z.input<typeof partnerContactInputSchema>;
  qualifications?: z.input<typeof partnerQualificationInputSchema>[];
  /** Blacklisted with this reason after everything else is recorded. */
  blacklist?: string;
}

let sequence = 0;
/** A name no other row of this process has: a test never collides with the demo or another test. */
const uniqueTag = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

/** A fresh valid unified social credit code (random organisation code, correct check character). */
export function randomCreditCode(): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
  const first17 = `91310000${digits}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * A partner (a supplier by default, of the caller's acting entity unless `entityId` is given),
 * with the bank account, contact and qualifications asked for, blacklisted when asked.
 */
export async function partner(
  services: PartnerFactoryServices,
  ctx: RequestContext,
  input: PartnerFactoryInput = {},
): Promise<PartnerDetail> {
  const { bank, contact, qualifications, blacklist, ...fields } = input;
  const created = await services.partners.create(
    ctx,
    partnerCreateSchema.parse({
      name: `测试伙伴${uniqueTag()}有限公司`,
      creditCode: fields.type === 'individual' ? null : randomCreditCode(),
      kinds: ['supplier'],
      ...fields,
    }),
  );
  if (bank) {
    await services.partnerRecords.addBankAccount(
      ctx,
      created.id,
      partnerBankAccountInputSchema.parse({ accountName: created.name, isDefault: true, ...bank }),
    );
  }
  if (contact) {
    await services.partnerRecords.addContact(ctx, created.id, partnerContactInputSchema.parse(contact));
  }
  for (const qualification of qualifications ?? []) {
    await services.partnerRecords.addQualification(
      ctx,
      created.id,
      partnerQualificationInputSchema.parse(qualification),
    );
  }
  if (blacklist) return services.partners.blacklist(ctx, created.id, blacklist);
  if (bank || contact || qualifications?.length) return services.partners.get(ctx, created.id);
  return created;
}

/** The partner factories, as the module's index exports them. */
export const partnerFactories = { partner, randomCreditCode };
