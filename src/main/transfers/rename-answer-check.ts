/**
 * The name typed for Rename in the overwrite question, checked when the answer comes: a bad one is refused with
 * its reason and fix (the question stays open), and a download's is refused when this computer already has
 * something under it. An upload's is checked on the server when the item runs (no connection here): taken, the
 * item is asked about again. Either way nothing is ever written over under the typed name.
 */
import path from 'node:path';
import type { OverwriteQuestion } from '../../shared/models';
import { sentences, type ErrorTextId } from '../../shared/error-texts';
import { renameProblem, targetName } from '../../shared/rename-answer';
import { shownName } from '../../shared/shown-name';
import { FtpError } from '../ftp/ftp-error';
import { unsafeLocalNameReason } from '../local/safe-local-name';
import { localNameTaken } from './download-job';

export async function checkRenameAnswer(question: OverwriteQuestion, name: string): Promise<void> {
  const problem = renameProblem(name, targetName(question.target.path, question.direction));
  if (problem !== null) refuse(`queue.rename.${problem}`, name);
  if (question.direction !== 'download') return;
  if (unsafeLocalNameReason(name) !== null) refuse('queue.rename.unsafe', name);
  if (await localNameTaken(path.join(path.dirname(question.target.path), name))) refuse('queue.rename.taken-local', name);
}

function refuse(id: ErrorTextId, name: string): never {
  throw new FtpError({ kind: 'invalid-input', retryable: false, ...sentences(id, 'queue.rename.hint', { name: shownName(name, 'in-quotes') }) });
}
