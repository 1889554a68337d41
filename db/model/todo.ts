/**
 * The workspace's to-do list (GET /api/todo): what needs the signed-in official now, in counted groups,
 * each item linking to the exact place in the workspace where it is done.
 */
import { z } from 'zod';
import { CountyCode, GiType } from './vocabulary';
import { IsoDate } from './scalars';

/**
 * What a to-do item asks for, in the order the groups are listed: a dossier item overdue, one due within
 * TODO_DUE_DAYS, a draft product not yet published, a trademark's renewal, an authorised user's term ending
 * within TERM_SIGNAL_DAYS, an authorised user's yearly returns missing (the signals' rules,
 * server/domain/marks/signals.ts), the next plan period (admins).
 */
export const TODO_KINDS = ['dossier_overdue', 'dossier_due', 'draft', 'renewal', 'term_ending', 'return_missing', 'period'] as const;
/** One kind of to-do. */
export const TodoKind = z.enum(TODO_KINDS);
export type TodoKind = z.infer<typeof TodoKind>;

/** How many days ahead a dossier item counts as due soon. */
export const TODO_DUE_DAYS = 30;

/** One thing to do, and where to do it. */
export const TodoItem = z.object({
  kind: TodoKind,
  /** The product it is about (null for the next period). */
  productId: z.number().int().nullable(),
  designationId: z.number().int().optional(),
  giType: GiType.optional(),
  /** What it is about, in Chinese (the product, and the dossier item where there is one; the period's name). */
  title: z.string(),
  /** The same in English (the Chinese where the English name is not known). */
  titleEn: z.string(),
  /** The authorised user it is about (a term ending, returns missing), and its name as registered (Chinese). */
  authorizedUserId: z.number().int().optional(),
  company: z.string().optional(),
  /** The years with no return (returns missing): the last two complete years the user was authorised in. */
  years: z.array(z.number().int()).optional(),
  /** When it is due (a dossier item's due date, a trademark's or a user's last valid day, the period's end). */
  dueOn: IsoDate.optional(),
  /** The workspace path (with its anchor) where it is done, e.g. `/admin/products/7#dossier-12-mark_design`. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

/** One group: its kind, how many there are, and the first of them (soonest first). */
export const TodoGroup = z.object({ kind: TodoKind, count: z.number().int().min(0), items: z.array(TodoItem) });
export type TodoGroup = z.infer<typeof TodoGroup>;

/** The answer of GET /api/todo: for an official their county's, for an admin the city's (`county` null). */
export const TodoList = z.object({
  asOf: IsoDate,
  county: CountyCode.nullable(),
  /** Every group with something in it, in TODO_KINDS order. */
  groups: z.array(TodoGroup),
});
export type TodoList = z.infer<typeof TodoList>;

/** The anchor of a dossier item's row in the product editor. */
export const dossierAnchor = (designationId: number, key: string): string => `dossier-${designationId}-${key}`;
/** The anchor of a designation's card in the product editor. */
export const designationAnchor = (designationId: number): string => `designation-${designationId}`;
/** The anchor of an authorised user's row in the product editor (where its term is changed). */
export const authorizedUserAnchor = (authorizedUserId: number): string => `authorized-user-${authorizedUserId}`;
/** The anchor of an authorised user's yearly returns in the product editor (where one is entered or a link issued). */
export const usageReturnsAnchor = (authorizedUserId: number): string => `usage-returns-${authorizedUserId}`;
