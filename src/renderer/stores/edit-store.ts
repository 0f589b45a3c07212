/**
 * Files open with View/Edit (edits:changed, the full list from main), which saves the user already
 * answered (so a question is asked once per save), and whether the list dialog is open.
 */
import { create } from 'zustand';
import type { EditedFile } from '../../shared/models';

export interface EditState {
  readonly files: readonly EditedFile[];
  /** Per file, the changeCount already asked about (answered or dismissed). */
  readonly answered: ReadonlyMap<string, number>;
  readonly listOpen: boolean;
}

export const useEditStore = create<EditState>()(() => ({
  files: [],
  answered: new Map(),
  listOpen: false,
}));

/** The first file saved since it was last asked about: the one the "upload it back?" question is for. */
export function pendingEditQuestion(state: EditState): EditedFile | null {
  return state.files.find((file) => file.state === 'changed' && file.changeCount > (state.answered.get(file.id) ?? 0)) ?? null;
}
