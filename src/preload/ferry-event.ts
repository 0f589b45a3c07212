/** The one IPC channel main pushes every event on: `webContents.send(FERRY_EVENT_CHANNEL, channel, payload)`. */
export const FERRY_EVENT_CHANNEL = 'ferry:event';
