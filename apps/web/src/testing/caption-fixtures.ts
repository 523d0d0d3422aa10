// Caption answers as the server sends them, for the web app's specs.
import type {
  Caption,
  PlaylistCaptions,
} from '../app/captions/captions.service';

export function captionFixture(
  playlistId: string,
  language: string,
  label = language,
  source: Caption['source'] = 'UPLOADED',
): Caption {
  return {
    __typename: 'Caption',
    language,
    label,
    source,
    url: `/media/${playlistId}/stream/captions/${language.toLowerCase()}.vtt`,
  } as Caption;
}

export function playlistCaptionsFixture(
  id: string,
  captions: readonly Caption[] = [],
  changes: Partial<PlaylistCaptions> = {},
): PlaylistCaptions {
  return {
    __typename: 'Playlist',
    id,
    status: 'READY',
    captions: [...captions],
    skippedSubtitles: [],
    ...changes,
  } as PlaylistCaptions;
}
