// Test data shaped like the server's responses (with __typename, as Apollo's cache expects).
import type { PlaylistStatus } from '@cmm/api-schema';
import type {
  PlaylistDetail,
  PlaylistListItem,
  ProcessingProgress,
  UploadLimits,
} from '../app/playlists/data-access/playlists.service';

/** When fixtures that are playable became so. */
export const PLAYABLE_AT = '2026-11-24T06:00:03.000Z';

export function progressFixture(
  playlistId: string,
  status: PlaylistStatus,
  percent: number,
  error: string | null = null,
  playable = status === 'READY',
): ProcessingProgress {
  return {
    __typename: 'ProcessingProgress',
    playlistId,
    status,
    percent,
    queuePosition: null,
    etaSeconds: null,
    error,
    playable,
    playableAt: playable ? PLAYABLE_AT : null,
  } as ProcessingProgress;
}

export function listItemFixture(
  id: string,
  status: PlaylistStatus = 'READY',
  extra: Partial<PlaylistListItem> = {},
): PlaylistListItem {
  return {
    __typename: 'Playlist',
    id,
    title: `Video ${id}`,
    status,
    createdAt: '2026-11-24T06:00:00.000Z',
    posterUrl: status === 'READY' ? `/media/${id}/poster.jpg` : null,
    error: status === 'FAILED' ? 'ffmpeg exited with code 1' : null,
    playable: status === 'READY',
    playableAt: status === 'READY' ? PLAYABLE_AT : null,
    source: { __typename: 'SourceVideo', filename: `${id}.mp4`, duration: 6 },
    progress:
      status === 'READY'
        ? null
        : progressFixture(id, status, status === 'QUEUED' ? 0 : 42),
    ...extra,
  } as PlaylistListItem;
}

/** `playable` while processing: the growing stream is published (a stream URL, no variants yet). */
export function detailFixture(
  id: string,
  status: PlaylistStatus = 'READY',
  playable = status === 'READY',
): PlaylistDetail {
  const item = listItemFixture(id, status, {
    playable,
    playableAt: playable ? PLAYABLE_AT : null,
    progress:
      status === 'READY'
        ? null
        : progressFixture(id, status, status === 'QUEUED' ? 0 : 42, null, playable),
  });
  return {
    ...item,
    segmentDuration: 2,
    requestedResolutions: [1080, 360],
    skippedResolutions: [1080],
    hlsUrl: playable ? `/media/${id}/stream/master.m3u8` : null,
    source: {
      __typename: 'SourceVideo',
      filename: `${id}.mp4`,
      sizeBytes: 1_500_000,
      width: 640,
      height: 360,
      displayWidth: 640,
      displayHeight: 360,
      duration: 6,
      frameRate: 25,
      videoCodec: 'h264',
      audioCodec: 'aac',
      hasAudio: true,
    },
    captions: [],
    skippedSubtitles: [],
    variants:
      status === 'READY'
        ? [
            {
              __typename: 'Variant',
              label: '360p',
              height: 360,
              width: 640,
              bitrate: 900_000,
              averageBitrate: 800_000,
              codecs: 'avc1.64001e,mp4a.40.2',
              sizeBytes: 600_000,
              segmentCount: 2,
              segments: [
                {
                  __typename: 'Segment',
                  index: 0,
                  start: 0,
                  duration: 2,
                  label: '0:00–0:02',
                },
                {
                  __typename: 'Segment',
                  index: 1,
                  start: 2,
                  duration: 2,
                  label: '0:02–0:04',
                },
              ],
            },
          ]
        : [],
  } as PlaylistDetail;
}

export function connectionFixture(
  items: PlaylistListItem[],
  hasNextPage = false,
  endCursor: string | null = null,
) {
  return {
    playlists: {
      __typename: 'PlaylistConnection',
      totalCount: items.length,
      edges: items.map((node) => ({
        __typename: 'PlaylistEdge',
        cursor: `c-${node.id}`,
        node,
      })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
    },
  };
}

export const limitsFixture: UploadLimits = {
  __typename: 'UploadLimits',
  allowedExtensions: ['mp4', 'mov', 'webm'],
  allowedResolutions: [1080, 720, 480, 360],
  defaultResolutions: [720, 360],
  minSegmentDuration: 1,
  maxSegmentDuration: 30,
  defaultSegmentDuration: 4,
  maxUploadBytes: 10_000_000,
  maxTitleLength: 200,
} as UploadLimits;

export function videoFile(
  name = 'clip.mp4',
  bytes = 2048,
  type = 'video/mp4',
): File {
  return new File([new Uint8Array(bytes)], name, { type });
}
