import { workflowPermissionGroups } from '@concord/contracts';
import { FormSubmissionsService, formSubmissionsRoutes } from '../forms/index.js';
import { roleHoldersIn, roleNamesByCode } from '../iam/index.js';
import { defineModule } from '../kit/index.js';
import { WorkflowDefinitionsService } from './workflow.definitions.service.js';
import { approvalTasksHandover } from './workflow.handover.js';
import { workflowJobs } from './workflow.jobs.js';
import { workflowMigrations } from './workflow.migrations.js';
import { WorkflowProxiesService } from './workflow.proxies.js';
import { workflowRecordTypes } from './workflow.record-types.js';
import { instanceTitles, participatesWithFile } from './workflow.repository.js';
import { workflowRoutes } from './workflow.routes.js';
import { WorkflowService } from './workflow.service.js';
import { ApprovalSubjects } from './workflow.subjects.js';
import { workflowTemplates } from './workflow.templates.js';
import { WorkflowViews } from './workflow.views.js';
import { workflowAuditEvents } from './workflow.audit-events.js';
import { workflowDemo } from './workflow.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    workflow: {
      workflow: WorkflowService;
      workflowDefinitions: WorkflowDefinitionsService;
      approvalSubjects: ApprovalSubjects;
    };
  }
}

/** The approval engine: flow definitions, the runtime, its views, proxies and the approval subjects. */
export const workflowModule = defineModule({
  name: 'workflow',
  requires: ['audit', 'org', 'forms', 'files', 'notifications', 'jobs'],
  migrations: workflowMigrations,
  permissions: workflowPermissionGroups,
  auditEvents: workflowAuditEvents,
  templates: workflowTemplates,
  recordTypes: workflowRecordTypes,
  demo: workflowDemo,
  create({ db, clock, systemContext }, { audit, org, forms, files, notifications, jobs }) {
    // Modules' approval subjects are registered here by the composition root.
    const approvalSubjects = new ApprovalSubjects();
    // An approval's audit entries record its status only: recent records name it by its title.
    audit.titleRecordsWith('workflow_instance', (ids) => instanceTitles(db, ids));
    const workflowDefinitions = new WorkflowDefinitionsService(
      db,
      audit,
      (trx, businessType) => forms.fieldKeysFor(trx, businessType),
      clock,
      {
        activeEntities: (trx) => org.org.activeEntities(trx),
        roleHoldersIn: (trx, entityId) => roleHoldersIn(trx, entityId),
        inactiveUsers: async (trx) => (await org.org.orgChart(trx)).inactive,
        roleNames: (trx, codes) => roleNamesByCode(trx, codes),
      },
    );
    const workflow = new WorkflowService(db, {
      audit,
      definitions: workflowDefinitions,
      notifications: notifications.notifications,
      jobs: jobs.jobs,
      clock,
      subjects: approvalSubjects,
      orgSource: {
        orgChart: (trx) => org.org.orgChart(trx),
        roleHoldersIn: (trx, entityId) => roleHoldersIn(trx, entityId),
      },
      userNames: (trx, ids) => org.org.userNames(ids, trx),
      visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
    });
    const workflowViews = new WorkflowViews(
      db,
      workflow,
      workflowDefinitions,
      approvalSubjects,
      {
        names: (trx, ids) => org.org.userNames(ids, trx),
        departmentName: async (trx, userId) =>
          (await org.users.loadUser(trx, userId).catch(() => null))?.departmentName ?? null,
        fileNames: (trx, ids) => files.namesOf(trx, ids),
        inactive: async (trx) => (await org.org.orgChart(trx)).inactive,
      },
      clock,
    );
    const workflowProxies = new WorkflowProxiesService(
      db,
      {
        audit,
        people: async (trx, ids) =>
          new Map(
            (await org.users.loadMany(trx, ids)).map((user) => [
              user.id,
              {
                name: user.displayName,
                active: user.active,
                entityId: user.entityId,
                departmentId: user.departmentId,
              },
            ]),
          ),
      },
      clock,
    );
    // Ad-hoc forms are the first kind of document approved through the engine.
    const formSubmissions = new FormSubmissionsService(
      db,
      forms,
      audit,
      (trx, ctx, input) => workflow.start(trx, ctx, input),
      clock,
    );
    // A user disabled with pending approvals hands them over first (离职交接).
    org.users.handover.register(approvalTasksHandover(workflow));
    return {
      provides: { workflow, workflowDefinitions, approvalSubjects },
      services: {
        approvalSubjects,
        workflowDefinitions,
        workflow,
        workflowViews,
        workflowProxies,
        formSubmissions,
      },
      routes: [
        ...workflowRoutes(workflowDefinitions, workflow, workflowViews, workflowProxies, approvalSubjects),
        ...formSubmissionsRoutes(formSubmissions),
      ],
      jobs: workflowJobs(workflow, () => systemContext('workflow-timer')),
      approvalSubjects: [
        {
          type: 'form',
          onApproved: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'APPROVED'),
          onRejected: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'REJECTED'),
          onWithdrawn: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'WITHDRAWN'),
          fields: (trx, id) => formSubmissions.fieldsOf(trx, id),
        },
      ],
      // Whoever takes part in an approval may read the files attached to its form or its comments.
      fileReadGrants: [
        async (trx, ctx, fileId) => (ctx.actor ? participatesWithFile(trx, ctx.actor.userId, fileId) : false),
      ],
    };
  },
});
