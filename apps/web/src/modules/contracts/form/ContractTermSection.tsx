import { Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { DateInput } from '../../../shared/FormInputs';
import { PlanLineSelect } from '../pickers/PlanLineSelect';
import { col } from './formLayout';
import type { ContractRules } from './useContractRules';

/** 期限与关联: sign, start and end dates, the plan line it is signed against, project and budget references. */
export function ContractTermSection({ entityId, rules }: { entityId?: string; rules: ContractRules }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  return (
    <Card size="small" title={t('contracts.form.sectionTerm')}>
      <Row gutter={16}>
        <Col {...col(8)}>
          <Form.Item name="signDate" label={t('contracts.field.signDate')}>
            <DateInput testId="contract-sign-date" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="startDate" label={t('contracts.field.startDate')}>
            <DateInput testId="contract-start-date" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item
            name="endDate"
            label={t('contracts.field.endDate')}
            dependencies={['startDate']}
            rules={rules.endDate}
          >
            <DateInput testId="contract-end-date" />
          </Form.Item>
        </Col>
        {can('contract.plan.view') && (
          <Col {...col(8)}>
            <Form.Item name="planLineId" label={t('contracts.field.planLine')}>
              <PlanLineSelect
                entityId={entityId}
                enabled
                placeholder={t('contracts.form.planLinePlaceholder')}
                data-testid="contract-plan-line"
              />
            </Form.Item>
          </Col>
        )}
        <Col {...col(8)}>
          <Form.Item name="projectRef" label={t('contracts.field.projectRef')} rules={rules.projectRef}>
            <Input maxLength={64} data-testid="contract-project-ref" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="budgetRef" label={t('contracts.field.budgetRef')} rules={rules.budgetRef}>
            <Input maxLength={64} data-testid="contract-budget-ref" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
