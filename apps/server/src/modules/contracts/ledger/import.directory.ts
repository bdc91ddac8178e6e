import type { ContractPorts } from '../contracts.ports.js';
import type { Db } from '../../../db/index.js';
import { listCategories } from '../setup/categories.repository.js';
import {
  byCodeOrName,
  type Draft,
  distinct,
  type ImportCategory,
  type ImportPartnerCandidate,
  type ImportUser,
} from './import.rows.js';

/*
 * What an import resolves the codes and names of its rows against: the group's entities and the
 * categories read once, departments, users and partners read as a batch first meets them.
 */

/** The partner as the contract register accepts it for an entity (its port's answer). */
export type Partner = Awaited<ReturnType<ContractPorts['partners']['forContract']>>;

/** Directory reads the import resolves codes through, once per distinct value (wired in the module definition). */
export interface ContractImportLookups {
  /** Entity code → id (every entity of the group: a short list). */
  /** Every entity of the group (a short list). */
  entities(): Promise<{ id: string; code: string; name: string }[]>;
  /** The departments of these entities. */
  departments(entityIds: string[]): Promise<{ id: string; entityId: string; code: string; name: string }[]>;
  /**
   * The user each of these owners names: by username, else by display name (a ledger writes 王芳);
   * `ambiguous` when several users have that name; unknown ones left out.
   */
  users(owners: string[]): Promise<Map<string, ImportUser | 'ambiguous'>>;
  /** Partners whose credit code is one of these or whose name is exactly one of these. */
  partners(keys: { creditCodes: string[]; names: string[] }): Promise<ImportPartnerCandidate[]>;
}

/** Codes resolved so far in an import (entities and categories in full; the rest as met). */
export interface Directory {
  /** Entity code (upper case) → id. */
  entityIds: Map<string, string>;
  /** Entity name → the ids of the entities of that name (the ledger's export writes names). */
  entityNames: Map<string, string[]>;
  /** Category code (upper case) → category. */
  categories: Map<string, ImportCategory>;
  /** Category name → the categories of that name (a ledger names them; two may share a name). */
  categoryNames: Map<string, ImportCategory[]>;
  /** `entityId/DEPARTMENT-CODE` → id, for the entities in departmentsOf. */
  departments: Map<string, string>;
  /** `entityId/department name` → the ids of that entity's departments of that name. */
  departmentNames: Map<string, string[]>;
  departmentsOf: Set<string>;
  /** Username → user; null when there is no such user. */
  users: Map<string, ImportUser | 'ambiguous' | null>;
  /** Credit code or exact name → the partners it finds. */
  candidates: Map<string, ImportPartnerCandidate[]>;
  /** `partnerId/entityId` → the partner as the register accepts it for the entity, or why not. */
  partners: Map<string, Partner | string>;
  /** Credit code → the partner this import created for it. */
  created: Map<string, string>;
}

/** What every batch resolves codes against: the short lists read once, the rest cached as met. */
export async function openDirectory(db: Db, lookups: ContractImportLookups): Promise<Directory> {
  const categories = await listCategories(db);
  const entities = await lookups.entities();
  return {
    entityIds: new Map(entities.map((e) => [e.code.toUpperCase(), e.id])),
    entityNames: new Map(
      [...groupBy(entities, (e) => e.name.trim())].map(([name, es]) => [name, es.map((e) => e.id)]),
    ),
    categories: new Map(categories.map((c) => [c.code.toUpperCase(), c])),
    categoryNames: groupBy(categories, (c) => c.name.trim()),
    departments: new Map(),
    departmentNames: new Map(),
    departmentsOf: new Set(),
    users: new Map(),
    candidates: new Map(),
    partners: new Map(),
    created: new Map(),
  };
}

/**
 * Directory reads for the codes of a batch not met before, each once per distinct value (before
 * the batch's transaction: SQLite has one connection).
 */
export async function lookUpCodes(
  lookups: ContractImportLookups,
  drafts: Draft[],
  directory: Directory,
  actingEntityId: string,
): Promise<void> {
  const entities = distinct(
    drafts.map((d) => (d.entityCode ? (entityOf(directory, d.entityCode) ?? null) : actingEntityId)),
  ).filter((id) => id !== 'ambiguous' && !directory.departmentsOf.has(id));
  if (entities.length) {
    for (const dep of await lookups.departments(entities)) {
      directory.departments.set(`${dep.entityId}/${dep.code.toUpperCase()}`, dep.id);
      const byName = `${dep.entityId}/${dep.name.trim()}`;
      directory.departmentNames.set(byName, [...(directory.departmentNames.get(byName) ?? []), dep.id]);
    }
    for (const id of entities) directory.departmentsOf.add(id);
  }
  const owners = distinct(drafts.map((d) => d.owner)).filter((u) => !directory.users.has(u));
  if (owners.length) {
    const found = await lookups.users(owners);
    for (const owner of owners) directory.users.set(owner, found.get(owner) ?? null);
  }
  const creditCodes = distinct(drafts.map((d) => d.creditCode)).filter((k) => !directory.candidates.has(k));
  const names = distinct(drafts.map((d) => d.partnerName)).filter((k) => !directory.candidates.has(k));
  if (creditCodes.length || names.length) {
    const found = await lookups.partners({ creditCodes, names });
    for (const code of creditCodes)
      directory.candidates.set(
        code,
        found.filter((p) => p.creditCode === code),
      );
    for (const name of names)
      directory.candidates.set(
        name,
        found.filter((p) => p.name === name),
      );
  }
}

/** The entity a row names by code or by name; `ambiguous` when two entities share the name. */
export function entityOf(directory: Directory, written: string): string | 'ambiguous' | undefined {
  return byCodeOrName(directory.entityIds, directory.entityNames, written.toUpperCase(), written);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
