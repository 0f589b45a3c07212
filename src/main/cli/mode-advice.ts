import type { TransferMode } from '../../shared/errors';

/**
 * `ferry test`'s last line when exactly one mode works. For a saved site (`--site`) the lasting fix is the site's own
 * mode, `ferry sites edit NAME --mode M` — "--passive" alone fixes one command, and the Site Manager is the window's —
 * and when the site already uses the mode that works there is nothing to change (it said "Use passive mode" to a site
 * set to passive). A URL has no saved mode: the flag, and where the window keeps it.
 */
export function modeAdvice(working: TransferMode, current: TransferMode, site: string | null): string {
  if (site === null) return `Use ${working} mode for this server (--${working}; Site Manager → Transfer settings).`;
  if (working === current) return `${working === 'passive' ? 'Passive' : 'Active'} mode works, and it is the one site ${shellWord(site)} uses: nothing to change.`;
  return `Use ${working} mode for this server: ferry sites edit ${shellWord(site)} --mode ${working} saves it for the site (in the window: Site Manager → Transfer settings → Transfer mode); --${working} for one command.`;
}

/** A site's name as it can be typed back into a shell: bare when it is safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./@:+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
