import type { WfFlow } from '@concord/contracts';

/**
 * The demo group's approval flows for contracts, their changes and seal use (published by
 * register.demo.ts before the contracts that go through them).
 */
export const demoContractFlows: { key: string; name: string; businessType: string; flow: WfFlow }[] = [
  {
    key: 'contract-sign',
    name: '合同审批',
    businessType: 'contract.sign',
    flow: {
      schemaVersion: 1,
      settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        next: {
          id: 'head',
          name: '部门负责人',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
          next: {
            id: 'legal',
            name: '法务审核',
            type: 'approval',
            assignee: { role: 'legal' },
            mode: 'or',
            // 必审: no contract is approved without its legal review, whatever the entity.
            mandatory: true,
            // The legal reviewer may correct the body and the attachment set; each edit becomes a version.
            fieldPerms: { body: 'edit', attachments: 'edit' },
            next: {
              id: 'by-amount',
              name: '按金额',
              type: 'condition',
              branches: [
                {
                  id: 'large',
                  name: '金额 ≥ 100 万元',
                  priority: 1,
                  when: { field: 'amount', op: 'gte', value: 100_000_000 },
                  next: {
                    id: 'general-manager',
                    name: '总经理',
                    type: 'approval',
                    assignee: { role: 'general_manager' },
                    mode: 'or',
                  },
                },
                { id: 'other', name: '其他情况', priority: 2 },
              ],
              next: {
                id: 'cc-finance',
                name: '抄送财务',
                type: 'cc',
                assignee: { role: 'finance' },
                when: 'reach',
              },
            },
          },
        },
      },
    } as WfFlow,
  },
  {
    key: 'contract-change',
    name: '合同变更审批',
    businessType: 'contract.change',
    flow: {
      schemaVersion: 1,
      settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        next: {
          id: 'head',
          name: '部门负责人',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
          next: {
            id: 'legal',
            name: '法务审核',
            type: 'approval',
            assignee: { role: 'legal' },
            mode: 'or',
            // 必审: no contract is approved without its legal review, whatever the entity.
            mandatory: true,
          },
        },
      },
    } as WfFlow,
  },
  {
    key: 'contract-seal',
    name: '合同用印审批',
    businessType: 'contract.seal',
    flow: {
      schemaVersion: 1,
      settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        next: {
          id: 'head',
          name: '部门负责人',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
        },
      },
    } as WfFlow,
  },
];
