import { FtpError } from '../../src/main/ftp/ftp-error';
import type { FerryErrorData } from '../../src/shared/errors';

/** The typed error `run` fails with; a success, or a failure that is not an FtpError, fails the test. */
export async function failureOf(run: () => Promise<unknown>): Promise<FerryErrorData> {
  const caught = await run().then(
    () => null,
    (error: unknown) => error,
  );
  if (caught instanceof FtpError) return caught.data;
  throw new Error(`expected an FtpError, got ${String(caught)}`);
}
