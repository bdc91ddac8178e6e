import { useState } from 'react';

/**
 * The cursors of the pages of a keyset-paged ledger seen so far, for its previous / next pager.
 * Shared by every ledger page because each needs the same small state machine and it is easy to
 * get subtly wrong: a cursor belongs to the filters, sort and page size it was made under, so a
 * change of `view` (anything JSON-serialisable that names them) starts again at page 1 in the same
 * render, instead of sending an old cursor with new filters. Kept in React state, not the URL: a
 * cursor is opaque and only good while the rows before it stay the same.
 */
export function useKeysetCursors(view: unknown) {
  const viewKey = JSON.stringify(view);
  const [stack, setStack] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: viewKey,
    cursors: [undefined],
  });
  const cursors = stack.key === viewKey ? stack.cursors : [undefined];
  return {
    /** The cursor of the page shown (undefined on page 1). */
    cursor: cursors[cursors.length - 1],
    /** 1-based index of the page shown. */
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    /** Moves on to the page after the one shown, given that page's `nextCursor` (null: the last page). */
    next: (nextCursor: string | null | undefined) => {
      if (nextCursor) setStack({ key: viewKey, cursors: [...cursors, nextCursor] });
    },
    previous: () => setStack({ key: viewKey, cursors: cursors.slice(0, -1) }),
  };
}
