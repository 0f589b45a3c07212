/**
 * Answering an overwrite question that was settled meanwhile (in another window, or its item was removed) is refused
 * with a sentence of the shared table, so a Chinese window's toast says it in Chinese (it was English text).
 */
import { describe, expect, it } from 'vitest';
import { FtpError } from '../../../src/main/ftp/ftp-error';
import { TransferQueue } from '../../../src/main/transfers/transfer-queue';
import { localizeError } from '../../../src/renderer/lib/localize-error';

describe('an answer to a settled question', () => {
  it('is refused in words of the table, both languages', async () => {
    const queue = await TransferQueue.open({ connect: () => Promise.reject(new Error('not used')) });
    const refusal = await queue.answer({ questionId: 'q404', choice: 'overwrite', applyToAll: false }).then(
      () => null,
      (error: unknown) => error,
    );
    await queue.close();
    expect(refusal).toBeInstanceOf(FtpError);
    const data = (refusal as FtpError).data;
    expect(data).toMatchObject({ kind: 'invalid-input', retryable: false, message: 'This question was already answered or its item is gone.', text: { message: 'queue.question-gone' } });
    expect(localizeError(data, 'zh-CN').message).toMatch(/[\u4e00-\u9fff]/);
  });
});
