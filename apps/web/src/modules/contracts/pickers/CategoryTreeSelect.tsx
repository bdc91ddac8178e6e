import type { ContractCategory } from '@concord/contracts';
import { Tag, TreeSelect, type TreeSelectProps } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { useContractCategories } from '../contractsApi';
import { directionLabel } from '../shared/labels';

interface CategoryTreeSelectProps extends Omit<TreeSelectProps<string>, 'treeData' | 'loading' | 'onChange'> {
  onChange?: (id: string | undefined, category?: ContractCategory) => void;
  /** Offer inactive categories too (the ledger filter: old contracts keep theirs). */
  includeInactive?: boolean;
}

interface CategoryOption {
  value: string;
  /** Shown in the tree: the name and the direction. */
  title: ReactNode;
  /** Shown in the box once chosen, and searched. */
  label: string;
  disabled: boolean;
  children?: CategoryOption[];
}

/** Contract categories as a tree, each with its direction (收入 / 支出) beside the name. */
export function CategoryTreeSelect({ onChange, includeInactive, ...props }: CategoryTreeSelectProps) {
  const { t } = useTranslation();
  const { data, isLoading } = useContractCategories();
  const treeData = useMemo(() => {
    const toOptions = (nodes: TreeNode<ContractCategory>[]): CategoryOption[] =>
      nodes.map((node) => ({
        value: node.id,
        label: node.name,
        title: (
          <span>
            {node.name}{' '}
            <Tag
              color={node.direction === 'INCOME' ? 'green' : 'volcano'}
              style={{ marginInlineStart: 4, fontSize: 11, lineHeight: '16px' }}
            >
              {directionLabel(t, node.direction)}
            </Tag>
          </span>
        ),
        disabled: !node.active && !includeInactive,
        children: node.children && toOptions(node.children),
      }));
    return toOptions(buildTree(data ?? [], bySortOrder));
  }, [data, includeInactive, t]);

  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="label"
      treeNodeLabelProp="label"
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      {...props}
      treeData={treeData}
      loading={isLoading}
      onChange={(id) =>
        onChange?.(
          id ?? undefined,
          data?.find((category) => category.id === id),
        )
      }
    />
  );
}
