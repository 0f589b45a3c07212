import { invalidInput } from '../ftp/ftp-error';

/**
 * `ferry rm -r` of a path as written in the URL (or --site's path), refused before connecting when it names the
 * whole account: the root ("/", what `"$URL/$DIR"` becomes with DIR empty), the login folder ("~"), or a path
 * ending in "." or ".." (refused by rm(1) too; "/pub/.." is the root again). It listed the root and deleted
 * everything the login could, then failed at the first name it could not delete. Null: the path may go.
 */
export function recursiveRemoveRefusal(written: string): Error | null {
  const segments = written.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  if (segments.length === 0 || (segments.length === 1 && last === '~')) {
    const which = segments.length === 0 ? 'the root folder (/)' : 'the login folder (~)';
    return invalidInput(
      `rm -r refuses to delete ${which}: everything this login can reach would go.`,
      'To empty it, delete what it holds by name: ferry ls URL, then ferry rm -r URL/NAME for each (an empty variable in a script makes "URL/$DIR" the root).',
    );
  }
  if (last === '.' || last === '..') {
    return invalidInput(`rm -r refuses a path ending in "${last}" (${written}), as rm(1) does: it names a folder above or the one itself.`, 'Write the folder\'s own path, e.g. ferry rm -r ftp://host/pub/old.');
  }
  return null;
}
