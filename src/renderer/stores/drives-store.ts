/**
 * This computer's drives as main last listed them (`local:drives`): "C:\", "E:\" … on Windows, none elsewhere. The
 * local pane's "This PC" level, its folder tree's roots and its path field's list read them; with none the local pane
 * is what it always was (one root, "/"). Read at start and again whenever "This PC" is listed or the path field's
 * list opens, so a USB stick plugged in meanwhile shows up.
 */
import { create } from 'zustand';

export interface DrivesState {
  readonly drives: readonly string[];
}

export const useDrivesStore = create<DrivesState>()(() => ({ drives: [] }));
