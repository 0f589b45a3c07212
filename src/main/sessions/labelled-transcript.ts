/**
 * A transcript line of another connection into the same message log (View/Edit's "edit: ", a copy's "copy: ", its
 * target's "to Backup: "): the label goes with the line as a sentence of the shared table (`prefixRef`), so the
 * window says it in its own language — for a notice of fixed sentences and for a command or reply alike, whose
 * words stay as they came (a textRef without `message` leaves the text as it is). Without it a Chinese window showed
 * "copy: RETR /a.txt" beside 复制：服务器不提供 TLS….
 */
import type { ErrorText, TextRef } from '../../shared/error-texts';
import type { LogTextRef } from '../../shared/models';

export function labelledTextRef(line: { readonly textRef?: ErrorText }, label: string, labelRef?: TextRef): { readonly textRef?: LogTextRef } {
  if (!label) return line.textRef ? { textRef: line.textRef } : {};
  const prefixRef = labelRef ? { prefixRef: labelRef } : {};
  if (line.textRef) return { textRef: { ...line.textRef, prefix: label, ...prefixRef } };
  return labelRef ? { textRef: { values: {}, prefix: label, ...prefixRef } } : {};
}
