import type { ContractPlanLine } from '@concord/contracts';
import { newId } from '../../../db/index.js';
import type { ApiClient, TestApp } from '../../../testing/test-app.js';

export const LINES = '/api/v1/contract-plans';
export const REPORT = '/api/v1/contract-plans/report';

/** What the planning tests share: demo categories and departments by code, a CONS planner, demo-free contract rows. */
export function planHelpers(t: () => TestApp) {
  const categoryId = async (code: string) => {
    const { services } = t();
    const { items } = await services.contractCategories.list(services.systemContext('test'));
    return items.find((c) => c.code === code)!.id;
  };
  const department = (entity: string, code: string) => t().given.departmentByCode(entity, code);
  /** A CONS user who may view and manage plan lines of the whole subsidiary. */
  const consPlanner = async (): Promise<ApiClient> => {
    const { given } = t();
    const role = await given.role({
      permissions: ['contract.plan.view', 'contract.plan.manage', 'contract.category.view'],
      dataScope: 'entity',
    });
    const user = await given.user({
      departmentId: (await department('CONS', 'PROC')).id,
      roles: [{ roleId: role.id }],
    });
    return t().login(user.username, user.password);
  };
  const names = (items: ContractPlanLine[]) => items.map((i) => i.name).sort();
  /**
   * Writes contract rows linked to plan lines straight into the register, with the figures a test
   * needs, in the given category, department and owner.
   */
  const contractsIn =
    (c: { categoryId: string; entityId: string; departmentId: string; ownerId: string }) =>
    (planLineId: string, status: string, currentAmount: number, currency = 'CNY') => {
      const now = t().services.clock.now().toISOString();
      return t()
        .services.db.insertInto('contract' as never)
        .values({
          id: newId(),
          number: null,
          name: `测试合同 ${status}`,
          category_id: c.categoryId,
          direction: 'EXPENSE',
          partner_id: newId(),
          partner_name: '测试供应商',
          partner_credit_code: null,
          partner_bank: null,
          entity_id: c.entityId,
          department_id: c.departmentId,
          owner_id: c.ownerId,
          amount: currentAmount,
          tax_rate: 0,
          tax_amount: 0,
          signed_amount: ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(status) ? currentAmount : null,
          current_amount: currentAmount,
          currency,
          sign_date: null,
          start_date: null,
          end_date: null,
          plan_line_id: planLineId,
          project_ref: null,
          budget_ref: null,
          body: '',
          attachments: '[]',
          custom_data: '{}',
          status,
          version: 0,
          instance_id: null,
          pending_change_id: null,
          status_reason: null,
          imported: false,
          lock_version: 0,
          created_by: null,
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
    };
  return { categoryId, department, consPlanner, names, contractsIn };
}
