/** An absolute POSIX or Windows path of two or more parts, starting a word. */
const ABSOLUTE_PATH = /(^|[\s'"`(=:])((?:[A-Za-z]:)?[\\/][^\s'"`()\\/]+(?:[\\/][^\s'"`()\\/]*)+)/g;

/**
 * A message fit for a client: the known `roots` (which may contain spaces) are replaced first,
 * then any other absolute path, so nothing tells a caller where the server keeps its files.
 */
export function redactPaths(message: string, roots: readonly string[]): string {
  let redacted = message;
  for (const root of [...roots].filter((r) => r.length > 1).sort((a, b) => b.length - a.length)) {
    redacted = redacted.split(root).join('<server path>');
  }
  return redacted.replace(ABSOLUTE_PATH, '$1<server path>');
}
