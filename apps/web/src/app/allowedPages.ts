import type { ParseKeys } from 'i18next';
import { createContext, type ReactNode, useContext } from 'react';

/** A page of the menu, as a link to it shows it. */
export interface MenuPage {
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  /** Stable hook for browser tests. */
  testId: string;
}

/**
 * The pages (besides home) the session may open, in menu order, as the signed-in frame hands them
 * down: the frame knows the module list, while a module's page (the home page's quick links) must
 * not import it, since the list imports every module.
 */
export const AllowedPagesContext = createContext<readonly MenuPage[]>([]);

export const useAllowedPages = (): readonly MenuPage[] => useContext(AllowedPagesContext);
