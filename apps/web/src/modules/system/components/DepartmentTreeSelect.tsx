import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { usePermissions } from '../../../app/auth/session';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { useDepartments } from '../departments/departmentsApi';
import type { Department } from '@concord/contracts';

interface DepartmentTreeSelectProps extends Omit<TreeSelectProps, 'treeData' | 'loading'> {
  /** Whose departments to offer; without one, nothing is offered (departments belong to an entity). */
  entityId: string | undefined;
  /** Departments that may not be chosen (a department cannot move under itself or its children). */
  disabledIds?: string[];
}

interface DepartmentOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: DepartmentOption[];
}

function toOptions(nodes: TreeNode<Department>[], disabled: Set<string>): DepartmentOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: disabled.has(node.id),
    children: node.children && toOptions(node.children, disabled),
  }));
}

export function DepartmentTreeSelect({ entityId, disabledIds, ...props }: DepartmentTreeSelectProps) {
  // Listing departments needs its own permission; without it the picker stays empty, not broken.
  const { can } = usePermissions();
  const { data, isLoading } = useDepartments(entityId, {
    enabled: Boolean(entityId) && can('org.department.view'),
  });
  const treeData = useMemo(
    () => toOptions(buildTree(data ?? [], bySortOrder), new Set(disabledIds ?? [])),
    [data, disabledIds],
  );
  return (
    <TreeSelect
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      {...props}
      treeData={entityId ? treeData : []}
      loading={isLoading && Boolean(entityId)}
    />
  );
}
