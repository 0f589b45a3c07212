/**
 * A tiny program that drives Ferry's engine (FtpClient) directly, so a test can run it inside a
 * network namespace (`ip netns exec NS node probe.cjs JSON`), and prints one JSON result line.
 *
 * It exists for what the CLI cannot be told to do: `forcePasv` skips EPSV (which vsftpd always
 * answers, and which carries no address) so that a real server's PASV address is exercised.
 * Bundled on the fly by `buildEngineProbe()`; never imported by tests directly.
 */
import type { ConnectOptions } from '../../../src/main/ftp/connect-options';
import { FtpClient } from '../../../src/main/ftp/ftp-client';
import { toErrorData } from '../../../src/main/ftp/ftp-error';
import type { TranscriptLine } from '../../../src/main/ftp/transcript';
import type { FerryErrorData } from '../../../src/shared/errors';

export interface ProbeRequest {
  readonly connect: ConnectOptions;
  /** Folder to list. */
  readonly path: string;
  /** Mark EPSV as failed before listing, so the engine goes straight to PASV. */
  readonly forcePasv: boolean;
}

export type ProbeResult =
  | { readonly ok: true; readonly names: string[]; readonly dataCommand: string; readonly transcript: TranscriptLine[] }
  | { readonly ok: false; readonly error: FerryErrorData; readonly transcript: TranscriptLine[] };

async function probe(request: ProbeRequest): Promise<ProbeResult> {
  const transcript: TranscriptLine[] = [];
  let client: FtpClient | null = null;
  try {
    client = await FtpClient.connect({ ...request.connect, disableEpsv: request.forcePasv, onTranscript: (line) => transcript.push(line) });
    const listing = await client.list(request.path);
    const dataCommand = client.dataCommand;
    await client.quit();
    return { ok: true, names: listing.entries.map((entry) => entry.name), dataCommand, transcript };
  } catch (error) {
    client?.close();
    return { ok: false, error: toErrorData(error), transcript };
  }
}

const argument = process.argv[2];
if (argument !== undefined && process.env.FERRY_ENGINE_PROBE === '1') {
  void probe(JSON.parse(argument) as ProbeRequest).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
}
