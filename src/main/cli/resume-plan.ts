/**
 * Where `ferry get --resume` starts, from the sizes it can see. Pure: sizes in, decision out.
 * Why: a server does not check a REST offset against the file (vsftpd answers 350, sends nothing and 226, so a
 * partial file longer than the server's became the file, stale bytes and all), and curl (-C -) and lftp (get -c)
 * users expect a complete file to be left alone and one they began under its own name to be continued.
 */
export type ResumePlan =
  /** Fetch from byte `from` into the partial file; `adopt`: first make the existing target the partial file. */
  | { readonly kind: 'continue'; readonly from: number; readonly adopt: boolean }
  /** The target has the server's size: nothing to fetch. */
  | { readonly kind: 'complete'; readonly size: number }
  /** The local bytes are more than the server has: the file changed since; resuming cannot make it right. */
  | { readonly kind: 'longer'; readonly which: 'part' | 'target'; readonly size: number; readonly remoteSize: number };

/**
 * @param part size of the partial file (`partialPathOf(NAME)`: NAME.ferry-part, or a shortened, hashed name for a
 *   name of 245–255 bytes), or null when there is none
 * @param target size of NAME when it is a regular file, or null
 * @param remote the server's SIZE, or null when it does not say
 */
export function planResume(part: number | null, target: number | null, remote: number | null): ResumePlan {
  if (part !== null) {
    if (remote !== null && part > remote) return { kind: 'longer', which: 'part', size: part, remoteSize: remote };
    return { kind: 'continue', from: part, adopt: false };
  }
  // Without the server's size nothing can be told about a file under the real name: fetch it whole, as without --resume.
  if (target === null || remote === null) return { kind: 'continue', from: 0, adopt: false };
  if (target === remote) return { kind: 'complete', size: target };
  if (target > remote) return { kind: 'longer', which: 'target', size: target, remoteSize: remote };
  return { kind: 'continue', from: target, adopt: target > 0 };
}
