import type { Contract } from '@concord/contracts';

export function ArchiveSealTab({ contract }: { contract: Contract }) {
  return <div data-testid="contract-archive-seal-tab" data-contract-id={contract.id} />;
}
