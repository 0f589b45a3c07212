/**
 * The search dialog's conditions (FileZilla's search: size, date modified, files / folders, match all or any): a row
 * per condition, each a labelled group of a property, a comparison, a value (and a unit for a size), and Remove.
 */
import type { ReactElement } from 'react';
import { useT } from '../i18n';
import { newDraft, type ConditionDraft } from '../lib/search-condition-drafts';
import { SIZE_UNITS, type DateOp, type SearchConditionSet, type SizeOp, type SizeUnit } from '../../shared/search-conditions';

export interface ConditionsState {
  readonly drafts: readonly ConditionDraft[];
  readonly combine: SearchConditionSet['combine'];
  readonly types: SearchConditionSet['types'];
}

export function SearchConditions({ state, onChange, invalid }: { readonly state: ConditionsState; readonly onChange: (next: ConditionsState) => void; readonly invalid: { readonly index: number; readonly message: string } | null }): ReactElement {
  const t = useT();
  const edit = (id: number, change: Partial<ConditionDraft>) => onChange({ ...state, drafts: state.drafts.map((draft) => (draft.id === id ? { ...draft, ...change } : draft)) });
  const add = () => onChange({ ...state, drafts: [...state.drafts, newDraft(Math.max(0, ...state.drafts.map((draft) => draft.id)) + 1)] });
  const remove = (id: number) => onChange({ ...state, drafts: state.drafts.filter((draft) => draft.id !== id) });
  return (
    <fieldset className="search-conditions">
      <legend>{t('search.conditions')}</legend>
      <div className="search-conditions-head">
        <label>
          {t('search.types')}
          <select value={state.types} onChange={(e) => onChange({ ...state, types: e.target.value as ConditionsState['types'] })}>
            <option value="both">{t('search.types.both')}</option>
            <option value="files">{t('search.types.files')}</option>
            <option value="folders">{t('search.types.folders')}</option>
          </select>
        </label>
        <label>
          {t('search.combine')}
          <select value={state.combine} onChange={(e) => onChange({ ...state, combine: e.target.value as ConditionsState['combine'] })}>
            <option value="all">{t('search.combine.all')}</option>
            <option value="any">{t('search.combine.any')}</option>
          </select>
        </label>
        <button type="button" className="button" onClick={add}>
          {t('search.addCondition')}
        </button>
      </div>
      {state.drafts.map((draft, index) => {
        const wrong = invalid?.index === index;
        const errorId = `search-condition-error-${draft.id}`;
        return (
          <div key={draft.id} role="group" className="search-condition" aria-label={t('search.condition', { n: index + 1 })}>
            <select aria-label={t('search.property')} value={draft.kind} onChange={(e) => edit(draft.id, { kind: e.target.value as ConditionDraft['kind'] })}>
              <option value="size">{t('search.property.size')}</option>
              <option value="modified">{t('search.property.modified')}</option>
            </select>
            {draft.kind === 'size' ? (
              <select aria-label={t('search.compare')} value={draft.sizeOp} onChange={(e) => edit(draft.id, { sizeOp: e.target.value as SizeOp })}>
                <option value="greater">{t('search.op.greater')}</option>
                <option value="less">{t('search.op.less')}</option>
                <option value="equal">{t('search.op.equal')}</option>
              </select>
            ) : (
              <select aria-label={t('search.compare')} value={draft.dateOp} onChange={(e) => edit(draft.id, { dateOp: e.target.value as DateOp })}>
                <option value="before">{t('search.op.before')}</option>
                <option value="after">{t('search.op.after')}</option>
                <option value="on">{t('search.op.on')}</option>
              </select>
            )}
            <input
              aria-label={draft.kind === 'size' ? t('search.value.size') : t('search.value.date')}
              value={draft.value}
              inputMode={draft.kind === 'size' ? 'decimal' : undefined}
              placeholder={draft.kind === 'size' ? '100' : '2026-11-03'}
              spellCheck={false}
              aria-invalid={wrong || undefined}
              aria-describedby={wrong ? errorId : undefined}
              onChange={(e) => edit(draft.id, { value: e.target.value })}
            />
            {draft.kind === 'size' ? (
              <select aria-label={t('search.unit')} value={draft.unit} onChange={(e) => edit(draft.id, { unit: e.target.value as SizeUnit })}>
                {SIZE_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>
            ) : null}
            <button type="button" className="button" onClick={() => remove(draft.id)}>
              {t('search.removeCondition')}
            </button>
            {wrong ? (
              <span id={errorId} className="search-condition-error" role="alert">
                {invalid.message}
              </span>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
