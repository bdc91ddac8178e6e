import type { Contract, ContractCategory } from '@concord/contracts';
import { Card, Col, Flex, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../app/auth/session';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { EntityPicker } from '../../system/components/EntityPicker';
import { CategoryTreeSelect } from '../pickers/CategoryTreeSelect';
import { ColleagueSelect } from '../pickers/ColleagueSelect';
import { PartnerSelect } from '../pickers/PartnerSelect';
import { DirectionTag } from '../shared/labels';
import { col } from './formLayout';
import type { ContractFormValues } from './formValues';
import { PartnerBankSelect } from './PartnerBankSelect';
import type { ContractRules } from './useContractRules';

interface ContractBasicSectionProps {
  form: FormInstance<ContractFormValues>;
  /** The draft being edited; absent for a new contract. */
  contract?: Contract;
  category?: ContractCategory;
  entityId?: string;
  partnerId?: string;
  rules: ContractRules;
}

/** 基本信息: name, category (fixed once saved), signing entity, counterparty and its bank, department, owner. */
export function ContractBasicSection({
  form,
  contract,
  category,
  entityId,
  partnerId,
  rules,
}: ContractBasicSectionProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = usePermissions();
  const editing = Boolean(contract);
  return (
    <Card size="small" title={t('contracts.form.sectionBasic')}>
      <Row gutter={16}>
        <Col {...col(24)}>
          <Form.Item name="name" label={t('contracts.field.name')} rules={rules.name}>
            <Input maxLength={200} data-testid="contract-name" />
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item
            name="categoryId"
            label={t('contracts.field.category')}
            rules={rules.categoryId}
            extra={
              category && (
                <Flex gap={6} align="center" style={{ marginTop: 4 }} data-testid="contract-direction">
                  {t('contracts.field.direction')}: <DirectionTag direction={category.direction} />
                </Flex>
              )
            }
          >
            <CategoryTreeSelect
              disabled={editing}
              placeholder={t('contracts.form.categoryPlaceholder')}
              data-testid="contract-category"
            />
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item
            name="entityId"
            label={t('contracts.field.entity')}
            rules={rules.entityId}
            extra={editing ? undefined : t('contracts.form.entityHint')}
          >
            <EntityPicker
              disabled={editing}
              onChange={(next) => {
                form.setFieldsValue({
                  planLineId: null,
                  // Departments belong to an entity: keep the user's own only when it fits.
                  departmentId:
                    next === session.actingEntity.id ? (session.user.departmentId ?? undefined) : undefined,
                });
              }}
              data-testid="contract-entity"
            />
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item name="partnerId" label={t('contracts.field.partner')} rules={rules.partnerId}>
            <PartnerSelect
              signingEntityId={entityId}
              currentLabel={contract?.partnerId === partnerId ? contract?.partnerName : undefined}
              placeholder={t('contracts.form.partnerPlaceholder')}
              onChange={() => form.setFieldValue('partnerBank', undefined)}
              data-testid="contract-partner"
            />
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item name="partnerBank" label={t('contracts.field.partnerBank')}>
            <PartnerBankSelect
              partnerId={partnerId}
              saved={contract?.partnerId === partnerId ? contract?.partnerBank : null}
              onDefault={(key) => {
                if (!form.getFieldValue('partnerBank')) form.setFieldValue('partnerBank', key);
              }}
              data-testid="contract-partner-bank"
            />
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item name="departmentId" label={t('contracts.field.department')} rules={rules.departmentId}>
            {can('org.department.view') ? (
              <DepartmentTreeSelect entityId={entityId} data-testid="contract-department" />
            ) : (
              // Without the department list: the user's own department, and the draft's if another.
              <Select
                data-testid="contract-department"
                options={[
                  ...(session.user.departmentId
                    ? [{ value: session.user.departmentId, label: session.user.departmentName ?? '' }]
                    : []),
                  ...(contract && contract.departmentId !== session.user.departmentId
                    ? [{ value: contract.departmentId, label: contract.departmentName }]
                    : []),
                ]}
              />
            )}
          </Form.Item>
        </Col>
        <Col {...col(12)}>
          <Form.Item name="ownerId" label={t('contracts.field.owner')} rules={rules.ownerId}>
            <ColleagueSelect
              allowClear={false}
              currentLabel={contract ? contract.ownerName : session.user.displayName}
              data-testid="contract-owner"
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
