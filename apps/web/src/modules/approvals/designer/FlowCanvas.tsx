import { CloseOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { WfBranch, WfBranchNode, WfNode } from '@concord/contracts';
import { Button, Tooltip } from 'antd';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AddNodeButton } from './AddNodeButton';
import { useDesigner } from './designerContext';
import { branchSummary, nodeSummary } from './summaries';
import './designer.css';

// DingTalk's hues, each dark enough for its white title (4.5:1 or more).
const headColors: Record<string, string> = {
  start: '#576a95',
  approval: '#b35400',
  handle: '#6d3fd1',
  cc: '#0b63c4',
  delay: '#c0392b',
  trigger: '#1565c0',
  subprocess: '#005bb5',
};

interface CardProps {
  testId: string;
  /** Node or branch id: the key for selection highlighting and error messages. */
  errorKey: string;
  selected: boolean;
  head: ReactNode;
  headColor?: string;
  body: ReactNode;
  branch?: boolean;
  onOpen: () => void;
  onDelete?: () => void;
}

function Card({ testId, errorKey, selected, head, headColor, body, branch, onOpen, onDelete }: CardProps) {
  const { t } = useTranslation();
  const { errors, readOnly } = useDesigner();
  const messages = errors.get(errorKey) ?? [];
  const classes = [
    'flow-card',
    selected && 'is-selected',
    messages.length > 0 && 'has-error',
    branch && 'is-branch',
  ];
  return (
    // The whole card opens the settings on a click; from the keyboard its body is the button that
    // does (the head holds the delete button, and interactive controls cannot nest).
    // biome-ignore lint/a11y/useKeyWithClickEvents: the body button is the keyboard path
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div className={classes.filter(Boolean).join(' ')} data-testid={testId} onClick={onOpen}>
      <div className="flow-card-head" style={headColor ? { background: headColor } : undefined}>
        <span>{head}</span>
        {messages.length > 0 && (
          <Tooltip title={messages.join('\n')}>
            <ExclamationCircleFilled style={{ color: branch ? '#ff4d4f' : '#fff' }} />
          </Tooltip>
        )}
        {onDelete && !readOnly && (
          <Button
            type="text"
            size="small"
            className="flow-card-delete"
            icon={<CloseOutlined />}
            aria-label={t('flows.removeNode')}
            data-testid={`${testId}-delete`}
            onClick={(event: MouseEvent) => {
              event.stopPropagation();
              onDelete();
            }}
          />
        )}
      </div>
      <button
        type="button"
        className="flow-card-body"
        onClick={(event: MouseEvent) => {
          event.stopPropagation();
          onOpen();
        }}
      >
        {body}
      </button>
      {messages.length > 0 && <div className="flow-card-errors">{messages[0]}</div>}
    </div>
  );
}

function NodeCard({ node }: { node: WfNode }) {
  const { t } = useTranslation();
  const { selection, select, remove, roleNames } = useDesigner();
  const summary = nodeSummary(t, node, roleNames);
  return (
    <Card
      testId={`flow-node-${node.id}`}
      errorKey={node.id}
      selected={selection?.nodeId === node.id && !selection.branchId}
      head={node.name}
      headColor={headColors[node.type]}
      body={summary || <span style={{ opacity: 0.5 }}>{t('flows.clickToSet')}</span>}
      onOpen={() => select({ nodeId: node.id })}
      onDelete={node.type === 'start' ? undefined : () => remove(node.id)}
    />
  );
}

function BranchCard({ node, branch, index }: { node: WfBranchNode; branch: WfBranch; index: number }) {
  const { t } = useTranslation();
  const { selection, select, removeBranch, fields } = useDesigner();
  const parallel = node.type === 'parallel';
  return (
    <Card
      testId={`flow-node-${branch.id}`}
      errorKey={branch.id}
      branch
      selected={selection?.branchId === branch.id}
      head={
        <>
          {branch.name}
          {!parallel && (
            <span style={{ opacity: 0.5, fontWeight: 400, marginInlineStart: 6 }}>
              {t('flows.priority', { n: index + 1 })}
            </span>
          )}
        </>
      }
      body={branchSummary(t, branch, parallel, fields, index === node.branches.length - 1)}
      onOpen={() => select({ nodeId: node.id, branchId: branch.id })}
      onDelete={node.branches.length > 2 ? () => removeBranch(node.id, branch.id) : undefined}
    />
  );
}

function BranchBox({ node }: { node: WfBranchNode }) {
  const { t } = useTranslation();
  const { readOnly, addBranch, remove, errors } = useDesigner();
  const messages = errors.get(node.id) ?? [];
  return (
    <div className="flow-branch-box" data-testid={`flow-node-${node.id}`}>
      {!readOnly ? (
        <Button
          className="flow-add-branch"
          size="small"
          shape="round"
          danger={messages.length > 0}
          data-testid={`flow-add-branch-${node.id}`}
          onClick={() => addBranch(node.id)}
        >
          {node.type === 'parallel' ? t('flows.addParallelBranch') : t('flows.addConditionBranch')}
        </Button>
      ) : (
        <div style={{ height: 14 }} />
      )}
      <div className="flow-branch-columns">
        {node.branches.map((branch, index) => (
          <div className="flow-branch-column" key={branch.id}>
            <div className="flow-line" style={{ height: 28 }} />
            <BranchCard node={node} branch={branch} index={index} />
            <AddNodeButton anchor={{ nodeId: node.id, branchId: branch.id }} />
            {branch.next && <Chain node={branch.next} />}
            <div className="flow-fill" />
          </div>
        ))}
      </div>
      {messages.length > 0 && (
        <div className="flow-card-errors" style={{ paddingTop: 4 }}>
          {messages.join('；')}
        </div>
      )}
      {!readOnly && (
        <Button
          type="link"
          size="small"
          danger
          data-testid={`flow-node-${node.id}-delete`}
          onClick={() => remove(node.id)}
        >
          {t('flows.removeBranchNode')}
        </Button>
      )}
    </div>
  );
}

/** A node and everything after it, top to bottom. */
export function Chain({ node }: { node: WfNode }) {
  return (
    <div className="flow-chain">
      {'branches' in node ? <BranchBox node={node} /> : <NodeCard node={node} />}
      <AddNodeButton anchor={{ nodeId: node.id }} />
      {node.next && <Chain node={node.next} />}
    </div>
  );
}

export function FlowCanvas({ root }: { root: WfNode }) {
  const { t } = useTranslation();
  return (
    <div className="flow-canvas" data-testid="flow-canvas">
      <div className="flow-chain">
        <Chain node={root} />
        <div className="flow-end">{t('flows.end')}</div>
      </div>
    </div>
  );
}
