export { partnersModule, type PartnersPort } from './partners.module.js';
export type { PartnerForContract } from './partners.ports.js';
/** Factories of real partner rows (tests and the demo seed build their rows with them). */
export { type PartnerFactoryInput, partnerFactories } from './partners.factories.js';
