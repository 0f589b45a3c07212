/** The one IPC channel main pushes every event on: `webContents.send(FERRY_EVENT_CHANNEL, channel, frame)` (contract.ts, `EventFrames`). */
export const FERRY_EVENT_CHANNEL = 'ferry:event';

/**
 * The preload's one message to main besides requests (`ipcRenderer.send`, no argument): this page holds no queue list
 * for main's next delta to apply to — it was reloaded, or a frame came before it listened — so main sends it the
 * whole list, then changes (src/main/electron/window-events.ts).
 */
export const FERRY_QUEUE_RESYNC_CHANNEL = 'ferry:queue-resync';
