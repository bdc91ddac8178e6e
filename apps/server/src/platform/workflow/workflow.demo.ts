import type { WfFlow } from '@concord/contracts';
import type { FormSubmissionsService, FormsService } from '../forms/index.js';
import { type DemoPlatform, type DemoSeeded, defineDemo } from '../kit/index.js';
import type { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import type { WorkflowService } from './workflow.service.js';
import type { WorkflowViews } from './workflow.views.js';
import { approveOwnTask, publishedFlow } from './workflow.factories.js';

/** Published approval flows for the demo forms, and a few approvals under way or done. */
const flows: { key: string; name: string; businessType: string; flow: WfFlow }[] = [
  {
    key: 'general-request',
    name: '通用申请审批',
    businessType: 'form.general',
    flow: {
      schemaVersion: 1,
      settings: { dedupe: 'consecutive', initiatorWithdraw: 'beforeFirstAction' },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        next: {
          id: 'manager',
          name: '直属主管',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
          // biome-ignore lint/suspicious/noThenProperty: WORKFLOW.md names the timeout outcome "then"
          timeout: { after: 'PT48H', remind: { every: 'PT24H', max: 2 }, then: 'none' },
          next: {
            id: 'by-amount',
            name: '按金额',
            type: 'condition',
            branches: [
              {
                id: 'large',
                name: '金额 ≥ 1 万元',
                priority: 1,
                when: { field: 'amount', op: 'gte', value: 1_000_000 },
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
    } as WfFlow,
  },
  {
    key: 'seal-use',
    name: '用印审批',
    businessType: 'form.seal',
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
            commentRequired: false,
          },
        },
      },
    } as WfFlow,
  },
  {
    key: 'tech-outing',
    name: '外出登记审批',
    businessType: 'form.tech_outing',
    flow: {
      schemaVersion: 1,
      settings: { dedupe: 'none', initiatorWithdraw: 'always' },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        next: {
          id: 'manager',
          name: '直属主管',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' } },
          mode: 'and',
        },
      },
    } as WfFlow,
  },
];

/** The services the approvals demo writes through. */
interface ApprovalsDemoServices {
  workflowDefinitions: WorkflowDefinitionsService;
  workflow: WorkflowService;
  workflowViews: WorkflowViews;
  formSubmissions: FormSubmissionsService;
  forms: FormsService;
}

/**
 * Published approval flows for the demo forms, and a few approvals under way or done. It acts as
 * demo people whose roles IAM's demo grants (approvers are found by role), hence `after: ['iam']`.
 */
export const workflowDemo = defineDemo({
  after: ['iam'],
  seed: (services: ApprovalsDemoServices & DemoPlatform, seeded: DemoSeeded<'iam'>) =>
    seedDemoApprovals(services, seeded),
});

async function seedDemoApprovals(
  services: ApprovalsDemoServices & DemoPlatform,
  { iam }: DemoSeeded<'iam'>,
): Promise<void> {
  const system = services.systemContext('seed-demo');
  for (const flow of flows) {
    await publishedFlow(services, system, { ...flow, priority: 0 });
  }
  const forms = new Map(
    (await services.forms.list(system, { page: 1, pageSize: 200 })).items.map((f) => [f.code, f.id]),
  );
  const as = (username: string) => iam.as(username);
  const submit = async (username: string, form: string, data: Record<string, unknown>) =>
    (await services.formSubmissions.submit(await as(username), forms.get(form)!, { data })).instanceId;
  const approve = async (username: string, instanceId: string, comment: string) =>
    approveOwnTask(services, await as(username), instanceId, comment);

  // 协和建设: a large request approved by the manager, now waiting for the general manager.
  const travel = await submit('wu.min', 'general', {
    title: '项目部购置测量仪器',
    amount: 2_560_000,
    items: [
      { item: '全站仪', quantity: 1, amount: 2_200_000 },
      { item: '水准仪', quantity: 2, amount: 360_000 },
    ],
    remark: '现场测量任务增加，原设备老化',
  });
  await approve('feng.bo', travel, '同意，请总经理审批');
  // 协和科技: an outing waiting for the R&D head, and a small request already approved.
  await submit('lin.feng', 'tech_outing', { date: '2026-12-03', destination: '深圳南山科技园客户现场' });
  const small = await submit('guo.xin', 'general', { title: '客户拜访交通费', amount: 86_000 });
  await approve('he.jun', small, '同意');
  // The group: a seal request waiting for the finance head.
  await submit('chen.jing', 'seal', {
    sealType: 'contract',
    documentName: '2027 年度审计服务合同',
    copies: 2,
    purpose: '与会计师事务所签订年度审计服务合同',
  });
}
