export { partnersModule, type PartnersPort } from './partners.module.js';
export type { PartnerForContract } from './partners.ports.js';
