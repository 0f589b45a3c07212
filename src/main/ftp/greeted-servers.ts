/**
 * The servers (host and port as connected to) that greeted in this run of the app or CLI: a reconnect that meets
 * silence from one of them is a link or server down, not an implicit FTPS port waiting for TLS (tls-errors.ts).
 * Memory only; a few entries per site.
 */
const greeted = new Set<string>();

const key = (host: string, port: number): string => `${host.toLowerCase()}:${port}`;

export function noteGreeted(host: string, port: number): void {
  greeted.add(key(host, port));
}

export function greetedBefore(host: string, port: number): boolean {
  return greeted.has(key(host, port));
}
