/**
 * MODE Z (deflate-compressed data connections, draft-preston-ftpext-deflate) for what the server sends: listings
 * and downloads. Uploads always go in MODE S: proftpd 1.3.8's mod_deflate loses data when one read of an upload
 * inflates past its buffer (it overwrites the compressed bytes it has not inflated yet; lftp's uploads are cut
 * the same way) and reads compressed uploads at about 40 KB/s. Files that are compressed already gain nothing,
 * so they go in MODE S too, as lftp's ftp:compressed-re does.
 */
import type { ControlConnection } from './control-connection';
import { FtpError } from './ftp-error';
import { replyError } from './reply-errors';

/** What the session asked for and what the server has been told. */
export interface CompressionState {
  /** Compress downloads and listings (asked for, and offered by the server). */
  wanted: boolean;
  /** MODE Z is in force on the server now. */
  active: boolean;
}

/** Names whose contents are compressed already (archives, packages, compressed media). */
const ALREADY_COMPRESSED = /\.(?:7z|apk|arj|bz2|cab|deb|dmg|docx|epub|flac|gz|iso|jar|jpe?g|lz|lz4|lzma|m4a|mkv|mov|mp3|mp4|ogg|png|rar|rpm|tbz2?|tgz|txz|war|webm|webp|whl|xlsx|xz|zip|zst)$/i;

/** Whether compressing a download of this file is worth it: false for archives, images, audio and video. */
export function worthCompressing(remotePath: string): boolean {
  return !ALREADY_COMPRESSED.test(remotePath);
}

/**
 * Put the server in the mode the next data connection needs: MODE Z when `compress` and the session wants it,
 * MODE S otherwise. Sends nothing when it is already so. A refused MODE Z ends compression for the session
 * (said in the transcript); a refused MODE S is an error, as the data would arrive deflated.
 */
export async function prepareTransferMode(control: ControlConnection, state: CompressionState, compress: boolean): Promise<void> {
  const want = compress && state.wanted;
  if (want === state.active) return;
  const command = want ? 'MODE Z' : 'MODE S';
  const reply = await control.send(command);
  if (reply.code < 300) {
    state.active = want;
    return;
  }
  if (!want) throw new FtpError(replyError(command, reply));
  state.wanted = false;
  control.logSentence('info', 'log.mode-z-refused', { reply: `${reply.code} ${reply.message}` });
}
