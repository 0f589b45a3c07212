/**
 * The search dialog's condition rows as typed (text fields) and what they become for main: a SearchConditionSet,
 * or the first row that cannot be used and why. Pure.
 */
import { conditionProblem, type DateOp, type SearchCondition, type SearchConditionSet, type SizeOp, type SizeUnit } from '../../shared/search-conditions';

export interface ConditionDraft {
  readonly id: number;
  readonly kind: 'size' | 'modified';
  readonly sizeOp: SizeOp;
  readonly dateOp: DateOp;
  /** A number for a size, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" for a date. */
  readonly value: string;
  readonly unit: SizeUnit;
}

export function newDraft(id: number): ConditionDraft {
  return { id, kind: 'size', sizeOp: 'greater', dateOp: 'after', value: '', unit: 'KiB' };
}

export function conditionOf(draft: ConditionDraft): SearchCondition {
  if (draft.kind === 'size') return { kind: 'size', op: draft.sizeOp, value: draft.value.trim() === '' ? Number.NaN : Number(draft.value.trim().replace(',', '.')), unit: draft.unit };
  return { kind: 'modified', op: draft.dateOp, date: draft.value.trim() };
}

export type DraftsOutcome =
  | { readonly ok: true; readonly set: SearchConditionSet }
  | { readonly ok: false; readonly index: number; readonly problem: 'search.badSize' | 'search.badDate' };

export function conditionSetOf(drafts: readonly ConditionDraft[], combine: SearchConditionSet['combine'], types: SearchConditionSet['types']): DraftsOutcome {
  const conditions = drafts.map(conditionOf);
  const index = conditions.findIndex((condition) => conditionProblem(condition) !== null);
  if (index >= 0) return { ok: false, index, problem: conditionProblem(conditions[index] as SearchCondition) ?? 'search.badSize' };
  return { ok: true, set: { conditions, combine, types } };
}
