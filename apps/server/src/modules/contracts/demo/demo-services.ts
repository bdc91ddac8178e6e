import type { filesModule } from '../../../platform/files/index.js';
import type { iamModule } from '../../../platform/iam/index.js';
import type { DemoPlatform, ServicesOf } from '../../../platform/kit/index.js';
import type { numberingModule } from '../../../platform/numbering/index.js';
import type { orgModule } from '../../../platform/org/index.js';
import type { workflowModule } from '../../../platform/workflow/index.js';
import type { invoicesModule } from '../../invoices/index.js';
import type { partnersModule } from '../../partners/index.js';
import type { ContractExecution } from '../contracts.execution.wiring.js';
import type { ContractRegister } from '../contracts.register.wiring.js';
import type { ContractChanges } from '../versions/changes.service.js';

/**
 * The services the contracts' demo writes through: its own and those of the modules it requires
 * (acting as their demo people, starting and approving their flows).
 */
export type ContractsDemoServices = Omit<ContractRegister, 'setup'> &
  ContractExecution & { contractChanges: ContractChanges } & ServicesOf<typeof orgModule> &
  ServicesOf<typeof iamModule> &
  ServicesOf<typeof filesModule> &
  ServicesOf<typeof numberingModule> &
  ServicesOf<typeof workflowModule> &
  ServicesOf<typeof partnersModule> &
  ServicesOf<typeof invoicesModule> &
  DemoPlatform;
