// How the player takes a playlist handed in again: the one rule PlayerService.load follows.
import type { PlayerCaption, PlayerPlaylist } from './player.types';

/**
 * `load`: another stream, from the start. `reload`: the same finished stream with other captions,
 * loaded again where it plays (hls.js reads the master playlist, where captions are listed, only
 * once). `keep`: the same stream plays on (a refreshed result, or a growing stream turning READY,
 * whose extracted captions then show on the next visit).
 */
export function loadAction(
  previous: PlayerPlaylist | null,
  next: PlayerPlaylist,
): 'load' | 'reload' | 'keep' {
  if (previous?.id !== next.id || previous.hlsUrl !== next.hlsUrl)
    return 'load';
  const finished =
    previous.expectedDuration === null && next.expectedDuration === null;
  return finished && !sameCaptions(previous.captions, next.captions)
    ? 'reload'
    : 'keep';
}

function sameCaptions(
  a: readonly PlayerCaption[],
  b: readonly PlayerCaption[],
): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.language === b[i].language && c.label === b[i].label)
  );
}
