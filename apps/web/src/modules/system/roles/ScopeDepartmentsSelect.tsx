import type { Department } from '@concord/contracts';
import { useQueries } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api } from '../../../app/api/client';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { systemKeys } from '../queryKeys';

interface ScopeDepartmentsSelectProps {
  /** Entities whose departments are offered, each as a top-level group. */
  entities: { id: string; name: string }[];
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
}

interface Option {
  value: string;
  title: string;
  selectable?: boolean;
  checkable?: boolean;
  disableCheckbox?: boolean;
  children?: Option[];
}

function toOptions(nodes: TreeNode<Department>[]): Option[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    children: node.children && toOptions(node.children),
  }));
}

/** Departments of several entities for a custom data scope, grouped under their entity. */
export function ScopeDepartmentsSelect({
  entities,
  value,
  onChange,
  placeholder,
}: ScopeDepartmentsSelectProps) {
  const results = useQueries({
    queries: entities.map((entity) => ({
      queryKey: systemKeys.departmentsOf(entity.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<{ items: Department[] }>('/org/departments', { entityId: entity.id }, signal),
    })),
  });
  const loading = results.some((result) => result.isLoading);
  const dataKey = results.map((result) => result.dataUpdatedAt).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `dataKey` changes whenever any result does
  const treeData = useMemo<Option[]>(
    () =>
      entities.map((entity, index) => ({
        // The entity row only groups; its value is namespaced so it can never be saved as a department.
        value: `entity:${entity.id}`,
        title: entity.name,
        selectable: false,
        disableCheckbox: true,
        children: toOptions(buildTree(results[index]?.data?.items ?? [], bySortOrder)),
      })),
    [entities, dataKey],
  );

  return (
    <TreeSelect
      multiple
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_ALL}
      treeCheckStrictly={false}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={loading}
      placeholder={placeholder}
      treeData={treeData}
      value={value}
      onChange={(next: string[]) => onChange?.(next.filter((id) => !id.startsWith('entity:')))}
    />
  );
}
