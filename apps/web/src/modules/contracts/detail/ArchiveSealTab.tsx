import type { Contract } from '@concord/contracts';
import { Flex } from 'antd';
import { AsyncContent } from '../../../shared/AsyncContent';
import { ArchiveCard } from '../archive/ArchiveCard';
import { useContractArchive } from '../archive/archiveApi';
import { BorrowLogCard } from '../archive/BorrowLogCard';
import { SealRequestsCard } from '../archive/SealRequestsCard';

/** 归档与用印: where the signed original is kept, its borrow log, and the contract's seal requests. */
export function ArchiveSealTab({ contract }: { contract: Contract }) {
  const { data, isLoading, error, refetch } = useContractArchive(contract.id);
  return (
    <div data-testid="contract-archive-seal-tab">
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {data && (
          <Flex vertical gap={16}>
            <ArchiveCard contract={contract} view={data} />
            <BorrowLogCard contract={contract} view={data} />
            <SealRequestsCard contract={contract} view={data} />
          </Flex>
        )}
      </AsyncContent>
    </div>
  );
}
