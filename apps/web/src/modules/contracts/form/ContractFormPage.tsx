import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Contract } from '@concord/contracts';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { PageContainer } from '../../../shared/PageContainer';
import { useContract } from '../contractsApi';
import { ContractForm } from './ContractForm';

/** `/contracts/new` and `/contracts/:id/edit`: register a contract or edit a draft. */
export default function ContractFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, isLoading, error, refetch } = useContract(id);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(id ? `/contracts/${id}` : '/contracts')}>
      {t('contracts.form.back')}
    </Button>
  );

  if (!id) {
    return (
      <PageContainer title={t('contracts.form.createTitle')} extra={back}>
        <ContractForm />
      </PageContainer>
    );
  }
  return (
    <PageContainer
      title={data ? t('contracts.form.editTitle', { name: data.name }) : t('contracts.form.editTitleShort')}
      extra={back}
    >
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {data && <EditableContract contract={data} />}
      </AsyncContent>
    </PageContainer>
  );
}

function EditableContract({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  // Decided once: "save and submit" changes the status while the form is still open.
  const [editable] = useState(() => contract.actions.includes('edit'));
  if (!editable) {
    return (
      <Flex vertical gap={16}>
        <Alert
          type="warning"
          showIcon
          title={t('contracts.form.notEditable')}
          data-testid="contract-not-editable"
        />
      </Flex>
    );
  }
  return <ContractForm key={contract.id} contract={contract} />;
}
