/**
 * What the preload gives the window besides the contract (`window.ferryFiles`): the path of a file dragged
 * in from the desktop. Not IPC: Electron's `webUtils.getPathForFile` answers inside the renderer process.
 */
export interface DesktopFiles {
  /** The file's path on this computer; '' for a file that has none (made in the page, not dropped). */
  pathForFile(file: File): string;
}
