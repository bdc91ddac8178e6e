export type TreeNode<T> = T & { children?: TreeNode<T>[] };

/**
 * Builds a forest from a flat list linked by `parentId`. Items whose parent is not in the list (out of
 * the caller's data scope) become roots, so nothing visible silently disappears. Leaves get no
 * `children` key, which antd reads as "not expandable".
 */
export function buildTree<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
  compare?: (a: T, b: T) => number,
): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { ...item });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  if (compare) sortForest(roots, compare);
  return roots;
}

function sortForest<T>(nodes: TreeNode<T>[], compare: (a: T, b: T) => number): void {
  nodes.sort(compare);
  for (const node of nodes) if (node.children) sortForest(node.children, compare);
}

/** Orders by `sortOrder`, then code, as the server lists them. */
export function bySortOrder(a: { sortOrder: number; code: string }, b: { sortOrder: number; code: string }) {
  return a.sortOrder - b.sortOrder || a.code.localeCompare(b.code);
}

/** Ids of a node and all of its descendants (a node cannot be moved under any of them). */
export function subtreeIds<T extends { id: string }>(node: TreeNode<T>): string[] {
  return [node.id, ...(node.children ?? []).flatMap((child) => subtreeIds(child))];
}

export function findNode<T extends { id: string }>(
  nodes: TreeNode<T>[],
  id: string,
): TreeNode<T> | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = node.children && findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}
