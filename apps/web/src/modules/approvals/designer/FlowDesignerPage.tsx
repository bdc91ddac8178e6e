import { ArrowLeftOutlined, SettingOutlined } from '@ant-design/icons';
import type { WfDefinition, WfFlow, WfNode, WfStaffingGap } from '@concord/contracts';
import { Alert, App, Button, Flex, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { errorMessage } from '../../../shared/errorMessage';
import { useConfirm } from '../../../shared/useConfirm';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useAvailableForms } from '../../forms';
import { useRoles } from '../../system/roles/rolesApi';
import { useBusinessTypes } from '../api/useBusinessTypes';
import { useDefinition, usePublishDefinition, useUpdateDefinition } from '../api/workflowApi';
import { workflowPermissions } from '../shared/permissions';
import { DefinitionSettingsDrawer, type DefinitionMeta, metaOf } from './DefinitionSettingsDrawer';
import { DesignerContext, type DesignerContextValue, type Selection } from './designerContext';
import { FlowCanvas } from './FlowCanvas';
import {
  addBranch,
  createNode,
  emptyFlow,
  insertNode,
  removeBranch,
  removeNode,
  replaceNode,
} from './flowTree';
import { NodeDrawer } from './NodeDrawer';
import { problemsFromError, useFlowValidation } from './useFlowValidation';
import { useDefaultNames } from './useDefaultNames';

export default function FlowDesignerPage() {
  const { id = '' } = useParams();
  const definition = useDefinition(id);
  return (
    <AsyncContent
      isLoading={definition.isLoading}
      error={definition.error}
      onRetry={() => void definition.refetch()}
    >
      {/* Keyed by the loaded version so a reload after publishing starts from the server's state. */}
      {definition.data && <Designer key={definition.data.id} definition={definition.data} />}
    </AsyncContent>
  );
}

/** Asks before leaving the designer (in-app navigation or closing the tab) with unsaved edits. */
function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void confirm({ title: t('flows.leaveConfirm'), okText: t('flows.leave'), danger: true }).then((leave) =>
      leave ? blocker.proceed() : blocker.reset(),
    );
  }, [blocker, confirm, t]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

/** The staffing warnings, one line each, as the server words them. */
function StaffingWarningList({ warnings }: { warnings: WfStaffingGap[] }) {
  return (
    <ul style={{ paddingInlineStart: 18, margin: 0 }}>
      {warnings.map((warning) => (
        <li key={warning.nodeId}>{warning.message}</li>
      ))}
    </ul>
  );
}

/** The DingTalk-style designer: the flow as a tree of cards, a drawer per node, save and publish. */
function Designer({ definition }: { definition: WfDefinition }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const confirm = useConfirm();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const names = useDefaultNames();
  // Phones get a read-only view: the tree needs room to edit comfortably.
  const readOnly = isPhone || !can(workflowPermissions.definitionManage);
  const [flow, setFlow] = useState<WfFlow>(() => definition.draftFlow ?? emptyFlow(names.start));
  const [meta, setMeta] = useState<DefinitionMeta>(() => metaOf(definition));
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { problems, setProblems, warnings } = useFlowValidation(flow, meta.entityId);
  useLeaveGuard(dirty);
  const update = useUpdateDefinition(definition.id);
  const publish = usePublishDefinition(definition.id);

  const { labelOf } = useBusinessTypes();
  const forms = useAvailableForms();
  const fields = useMemo(
    () => forms.data?.find((form) => form.businessType === definition.businessType)?.fields ?? [],
    [forms.data, definition.businessType],
  );

  const edit = useCallback((change: (previous: WfFlow) => WfFlow) => {
    setFlow(change);
    setDirty(true);
  }, []);

  const roles = useRoles({ enabled: can('iam.role.view') });
  const roleNames = useMemo(
    () => new Map((roles.data ?? []).map((role) => [role.code, role.name])),
    [roles.data],
  );

  const context: DesignerContextValue = useMemo(
    () => ({
      readOnly,
      selection,
      errors: problems.byNode,
      fields,
      roleNames,
      select: setSelection,
      add: (anchor, type) => {
        const node = createNode(type, names);
        edit((previous) => insertNode(previous, anchor, node));
        // Open the new node right away: an approver node is useless until its approver is set.
        setSelection(
          'branches' in node ? { nodeId: node.id, branchId: node.branches[0].id } : { nodeId: node.id },
        );
      },
      remove: (nodeId) => {
        edit((previous) => removeNode(previous, nodeId));
        setSelection(null);
      },
      addBranch: (nodeId) => edit((previous) => addBranch(previous, nodeId, names.branch)),
      removeBranch: (nodeId, branchId) => {
        edit((previous) => removeBranch(previous, nodeId, branchId));
        setSelection(null);
      },
    }),
    [readOnly, selection, problems.byNode, fields, roleNames, names, edit],
  );

  const save = async (): Promise<boolean> => {
    try {
      await update.mutateAsync({ ...meta, name: meta.name.trim(), flow });
      setDirty(false);
      return true;
    } catch (error) {
      const mapped = problemsFromError(flow, error);
      if (mapped) setProblems(mapped);
      message.error(errorMessage(error, t));
      return false;
    }
  };

  const onPublish = async () => {
    // Steps that find nobody somewhere do not stop publishing, but the designer decides knowingly.
    const ok = await confirm({
      title: t('flows.publishConfirm'),
      content:
        warnings.length > 0 ? (
          <>
            <p>{t('flows.publishStaffingWarning')}</p>
            <StaffingWarningList warnings={warnings} />
            <p>{t('flows.publishConfirmText')}</p>
          </>
        ) : (
          t('flows.publishConfirmText')
        ),
      okText: t('flows.publish'),
    });
    if (!ok) return;
    // Publishing takes the saved draft: save first so what is on screen is what gets published.
    if ((dirty || !definition.draftFlow) && !(await save())) return;
    try {
      const published = await publish.mutateAsync();
      message.success(t('flows.published', { version: published.currentVersion }));
    } catch (error) {
      const mapped = problemsFromError(flow, error);
      if (mapped) {
        setProblems(mapped);
        modal.error({
          title: t('flows.publishFailed'),
          content: (
            <ul style={{ paddingInlineStart: 18 }}>
              {[...mapped.byNode.values()]
                .flat()
                .concat(mapped.general)
                .map((text) => (
                  <li key={text}>{text}</li>
                ))}
            </ul>
          ),
        });
      } else message.error(errorMessage(error, t));
    }
  };

  const problemCount =
    [...problems.byNode.values()].reduce((sum, list) => sum + list.length, 0) + problems.general.length;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/system/flows')}
            aria-label={t('flows.backToList')}
          />
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20, lineHeight: 1.4 }}>
            {meta.name}
          </Typography.Title>
          <Tag title={definition.businessType}>{labelOf(definition.businessType)}</Tag>
          {definition.currentVersion ? (
            <Tag color="blue">v{definition.currentVersion}</Tag>
          ) : (
            <Tag>{t('flows.neverPublished')}</Tag>
          )}
          {dirty && <Tag color="orange">{t('flows.unsaved')}</Tag>}
          {!dirty && definition.hasUnpublishedChanges && <Tag color="gold">{t('flows.unpublished')}</Tag>}
        </Space>
        <Space wrap>
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettingsOpen(true)}
            data-testid="flow-settings"
          >
            {t('flows.settings.title')}
          </Button>
          {!readOnly && (
            <>
              <Button
                loading={update.isPending}
                // A definition without a draft yet can save the starting flow as it is.
                disabled={!dirty && Boolean(definition.draftFlow)}
                onClick={() => void save().then((ok) => ok && message.success(t('flows.saved')))}
                data-testid="flow-save"
              >
                {t('flows.save')}
              </Button>
              <Button
                type="primary"
                loading={publish.isPending}
                onClick={() => void onPublish()}
                data-testid="flow-publish"
              >
                {t('flows.publish')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {isPhone && <Alert type="info" showIcon title={t('flows.phoneReadOnly')} />}
      {problemCount > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="flow-problems"
          title={t('flows.problems', { count: problemCount })}
          description={problems.general.length > 0 ? problems.general.join('；') : undefined}
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="flow-staffing"
          title={t('flows.staffingGaps', { count: warnings.length })}
          description={<StaffingWarningList warnings={warnings} />}
        />
      )}
      <DesignerContext.Provider value={context}>
        <FlowCanvas root={flow.root} />
      </DesignerContext.Provider>
      <NodeDrawer
        flow={flow}
        selection={selection}
        fields={fields}
        readOnly={readOnly}
        errors={problems.byNode}
        onClose={() => setSelection(null)}
        onChange={(node: WfNode) => edit((previous) => replaceNode(previous, node))}
      />
      <DefinitionSettingsDrawer
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        readOnly={readOnly}
        businessType={definition.businessType}
        meta={meta}
        onMeta={(next) => {
          setMeta(next);
          setDirty(true);
        }}
        settings={flow.settings}
        onSettings={(settings) => edit((previous) => ({ ...previous, settings }))}
      />
    </Flex>
  );
}
