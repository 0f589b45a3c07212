/**
 * Words Ferry passes on as they came — a parser's ("Unexpected end of JSON input"), the system's opener's ("Failed to
 * open path") — stay English, but a Chinese window quotes them as those words (“…”) inside its Chinese sentence,
 * rather than running them into it as if Ferry said them.
 */
import { describe, expect, it } from 'vitest';
import type { ErrorTextId } from '../../../src/shared/error-texts';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { parseFileZillaSites } from '../../../src/main/sites/filezilla-import';
import { parseQueueFile } from '../../../src/main/transfers/queue-export';
import { ERROR_TEXTS_ZH_CN } from '../../../src/renderer/i18n/error-texts-zh-CN';
import { localizeError } from '../../../src/renderer/lib/localize-error';
import { englishLeft } from '../../support/english-left';

/** The sentences whose {detail} is someone else's words: the system's, a launcher's or a parser's. */
const QUOTED: readonly ErrorTextId[] = [
  'local.failed',
  'local.system-said',
  'folder.not-made.failed',
  'local.open-failed',
  'edit.system-open-failed',
  'edit.editor-failed',
  'active.external-url-other',
  'vault.system-said',
  'store.not-json',
  'queue-import.not-json',
  'queue-import.not-xml',
  'queue-import.bad-item',
  'import.not-xml',
  'detail.socket.other',
  'detail.quoted',
  'unexpected.failed',
  'system.failed',
  'tls.client-certificate.refused',
  'tls.handshake',
];

function refusal(run: () => unknown): FtpError {
  try {
    run();
  } catch (error) {
    if (error instanceof FtpError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

describe('简体中文: words Ferry passes on as they came are quoted', () => {
  it.each(QUOTED)('%s quotes {detail}', (id) => {
    expect(ERROR_TEXTS_ZH_CN[id]).toContain('“{detail}”');
  });

  it('a queue export that is not JSON: the parser\'s words quoted', () => {
    const error = refusal(() => parseQueueFile('{"kind": '));
    const shown = localizeError(error.data, 'zh-CN').message;
    expect(shown).toMatch(/^该文件不是有效的 JSON（“.+”）。$/);
    expect(englishLeft(shown, [], { acronyms: true })).toEqual([]);
  });

  it('a damaged item of a queue export: the validator\'s words quoted', () => {
    const shown = localizeError(refusal(() => parseQueueFile(JSON.stringify({ kind: 'ferry-queue', format: 1, items: [{ direction: 5 }] }))).data, 'zh-CN').message;
    expect(shown).toMatch(/^队列导出文件的第 1\.direction 项已损坏：“.+”。$/);
    // Besides the quote only the item's place in the file (1.direction, a JSON path) is Latin.
    expect(englishLeft(shown, ['1.direction'], { acronyms: true })).toEqual([]);
  });

  it('a FileZilla file that is not XML: the parser\'s words quoted', () => {
    const shown = localizeError(refusal(() => parseFileZillaSites('<FileZilla3><Servers>')).data, 'zh-CN').message;
    expect(shown).toMatch(/^该文件不是有效的 XML（第 \d+ 行：“.+”）。$/);
    expect(englishLeft(shown, [], { acronyms: true })).toEqual([]);
  });
});
