/** fast-check arbitraries of queue items as a queue file holds them (queue-store.ts, `storedEntrySchema`). */
import fc from 'fast-check';

const ERROR_KINDS = ['connect', 'timeout', 'auth', 'tls', 'certificate', 'data-connection', 'server-reply', 'protocol', 'closed', 'local-file', 'name-clash', 'invalid-input', 'aborted'] as const;
const CHOICES = ['overwrite', 'overwrite-if-newer', 'overwrite-if-size-differs', 'overwrite-if-newer-or-size-differs', 'resume', 'rename', 'skip'] as const;
const PRECISIONS = ['exact', 'minute', 'day'] as const;
const REQUIRED = ['id', 'siteKey', 'siteLabel', 'direction', 'isDirectory', 'localPath', 'remotePath', 'localRoot', 'size', 'sourceModified', 'state', 'bytesDone', 'error', 'attempts', 'note', 'choice', 'started', 'permanent'] as const;

const text = fc.string({ maxLength: 12 });
const name = fc.string({ minLength: 1, maxLength: 12 });
const count = fc.oneof(fc.nat(), fc.maxSafeNat());
const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
export const facts = fc.record({ size: nullable(count), modified: nullable(text), precision: fc.constantFrom(...PRECISIONS) }, { requiredKeys: ['size', 'modified'] });
export const errorData = fc.record(
  { kind: fc.constantFrom(...ERROR_KINDS), message: text, hint: text, retryable: fc.boolean(), code: fc.integer(), command: text },
  { requiredKeys: ['kind', 'message', 'hint', 'retryable'] },
);
const textRef = fc.record({ id: text, values: fc.dictionary(name, fc.oneof(text, fc.integer()), { maxKeys: 3 }) });

/** Items as a queue file holds them: every field the schema knows, the optional ones now and then. */
export const validEntry = fc.record(
  {
    id: name,
    siteKey: text,
    siteLabel: text,
    direction: fc.constantFrom('upload', 'download', 'fxp'),
    target: fc.record({ siteKey: text, siteLabel: text, relay: fc.boolean() }),
    isDirectory: fc.boolean(),
    localPath: name,
    remotePath: name,
    localRoot: name,
    size: nullable(count),
    sourceModified: nullable(text),
    sourcePrecision: fc.constantFrom(...PRECISIONS),
    knownTarget: nullable(facts),
    state: fc.constantFrom('queued', 'running', 'paused', 'done', 'failed', 'skipped'),
    bytesDone: fc.oneof(count, fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true })),
    error: nullable(errorData),
    attempts: fc.nat(),
    note: nullable(text),
    noteText: fc.array(textRef, { minLength: 1, maxLength: 2 }),
    choice: nullable(fc.constantFrom(...CHOICES)),
    started: fc.boolean(),
    partSource: fc.record({ size: nullable(count), modified: nullable(text) }),
    partWasTarget: fc.constant(true as const),
    permanent: fc.boolean(),
  },
  { requiredKeys: [...REQUIRED] },
);

/** As read back from a file: JSON through and through. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

