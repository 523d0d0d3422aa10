/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  | T
  | {
      [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never;
    };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a caption came from: `addCaption`, or a text subtitle track of the uploaded video. */
export type CaptionSource = 'EXTRACTED' | 'UPLOADED';

/** Where to send which events. */
export type CreateWebhookInput = {
  description?: string | null | undefined;
  events: Array<WebhookEventType>;
  /** An http or https URL; receivers on private addresses need WEBHOOK_ALLOW_PRIVATE on the server. */
  url: string;
};

/** Where a playlist is in its processing life cycle. */
export type PlaylistStatus =
  | 'FAILED'
  | 'PACKAGING'
  | 'PROBING'
  | 'QUEUED'
  | 'READY'
  | 'TRANSCODING';

/** The file a resumable upload will send: its name (checked as an upload’s) and its exact size in bytes. */
export type ResumableFileInput = {
  filename: string;
  /** Bytes the upload will send: at least 1, at most `uploadLimits.maxUploadBytes`. */
  size: number;
};

/** How to process an upload. */
export type UploadOptionsInput = {
  /** Heights to produce, from 2160, 1440, 1080, 720, 480, 360, 240, 144; the source’s own height is always added. */
  resolutions: Array<number>;
  /** Segment length in seconds, 1 to 30. */
  segmentDuration: number;
  /** Defaults to the file name. */
  title?: string | null | undefined;
};

/** PENDING until the receiver answers 2xx (DELIVERED) or the attempts are used up or the address is refused (FAILED). */
export type WebhookDeliveryStatus = 'DELIVERED' | 'FAILED' | 'PENDING';

/** A playlist event a webhook can subscribe to; deliveries name it `playlist.ready`, `playlist.failed`, `playlist.playable` or `playlist.deleted`. */
export type WebhookEventType =
  /** The playlist and its files were deleted (`playlist.deleted`). */
  | 'PLAYLIST_DELETED'
  /** Processing failed; the playlist’s `error` says why (`playlist.failed`). */
  | 'PLAYLIST_FAILED'
  /** The stream can be played, while encoding goes on (`playlist.playable`). */
  | 'PLAYLIST_PLAYABLE'
  /** Every rendition is encoded and packaged (`playlist.ready`). */
  | 'PLAYLIST_READY';

export type AuthQueryVariables = Exact<{ [key: string]: never }>;

export type AuthQuery = { auth: { tokenRequired: boolean; canWrite: boolean } };

export type PlaylistCaptionsFragment = {
  id: string;
  status: PlaylistStatus;
  captions: Array<{
    language: string;
    label: string;
    source: CaptionSource;
    url: string;
  }>;
  skippedSubtitles: Array<{
    streamIndex: number;
    codec: string;
    language: string | null;
    reason: string;
  }>;
};

export type AddCaptionMutationVariables = Exact<{
  playlistId: string | number;
  language: string;
  label: string;
  file: File;
}>;

export type AddCaptionMutation = {
  addCaption: {
    id: string;
    status: PlaylistStatus;
    captions: Array<{
      language: string;
      label: string;
      source: CaptionSource;
      url: string;
    }>;
    skippedSubtitles: Array<{
      streamIndex: number;
      codec: string;
      language: string | null;
      reason: string;
    }>;
  };
};

export type RemoveCaptionMutationVariables = Exact<{
  playlistId: string | number;
  language: string;
}>;

export type RemoveCaptionMutation = {
  removeCaption: {
    id: string;
    status: PlaylistStatus;
    captions: Array<{
      language: string;
      label: string;
      source: CaptionSource;
      url: string;
    }>;
    skippedSubtitles: Array<{
      streamIndex: number;
      codec: string;
      language: string | null;
      reason: string;
    }>;
  };
};

export type ProgressFieldsFragment = {
  playlistId: string;
  status: PlaylistStatus;
  percent: number;
  queuePosition: number | null;
  etaSeconds: number | null;
  error: string | null;
  playable: boolean;
  playableAt: string | null;
};

export type PlaylistListItemFragment = {
  id: string;
  title: string;
  status: PlaylistStatus;
  createdAt: string;
  posterUrl: string | null;
  error: string | null;
  playable: boolean;
  playableAt: string | null;
  source: { filename: string; duration: number };
  progress: {
    playlistId: string;
    status: PlaylistStatus;
    percent: number;
    queuePosition: number | null;
    etaSeconds: number | null;
    error: string | null;
    playable: boolean;
    playableAt: string | null;
  } | null;
};

export type PlaylistDetailFragment = {
  segmentDuration: number;
  requestedResolutions: Array<number>;
  skippedResolutions: Array<number>;
  hlsUrl: string | null;
  id: string;
  title: string;
  status: PlaylistStatus;
  createdAt: string;
  posterUrl: string | null;
  error: string | null;
  playable: boolean;
  playableAt: string | null;
  storyboard: { vttUrl: string } | null;
  source: {
    filename: string;
    sizeBytes: number;
    width: number;
    height: number;
    displayWidth: number;
    displayHeight: number;
    duration: number;
    frameRate: number;
    videoCodec: string;
    audioCodec: string | null;
    hasAudio: boolean;
  };
  variants: Array<{
    label: string;
    height: number;
    width: number;
    bitrate: number;
    averageBitrate: number;
    codecs: string;
    sizeBytes: number;
    segmentCount: number;
    segments: Array<{
      index: number;
      start: number;
      duration: number;
      label: string;
    }>;
  }>;
  progress: {
    playlistId: string;
    status: PlaylistStatus;
    percent: number;
    queuePosition: number | null;
    etaSeconds: number | null;
    error: string | null;
    playable: boolean;
    playableAt: string | null;
  } | null;
  captions: Array<{
    language: string;
    label: string;
    source: CaptionSource;
    url: string;
  }>;
  skippedSubtitles: Array<{
    streamIndex: number;
    codec: string;
    language: string | null;
    reason: string;
  }>;
};

export type PlaylistsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type PlaylistsQuery = {
  playlists: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        title: string;
        status: PlaylistStatus;
        createdAt: string;
        posterUrl: string | null;
        error: string | null;
        playable: boolean;
        playableAt: string | null;
        source: { filename: string; duration: number };
        progress: {
          playlistId: string;
          status: PlaylistStatus;
          percent: number;
          queuePosition: number | null;
          etaSeconds: number | null;
          error: string | null;
          playable: boolean;
          playableAt: string | null;
        } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

export type PlaylistQueryVariables = Exact<{
  id: string | number;
}>;

export type PlaylistQuery = {
  playlist: {
    segmentDuration: number;
    requestedResolutions: Array<number>;
    skippedResolutions: Array<number>;
    hlsUrl: string | null;
    id: string;
    title: string;
    status: PlaylistStatus;
    createdAt: string;
    posterUrl: string | null;
    error: string | null;
    playable: boolean;
    playableAt: string | null;
    storyboard: { vttUrl: string } | null;
    source: {
      filename: string;
      sizeBytes: number;
      width: number;
      height: number;
      displayWidth: number;
      displayHeight: number;
      duration: number;
      frameRate: number;
      videoCodec: string;
      audioCodec: string | null;
      hasAudio: boolean;
    };
    variants: Array<{
      label: string;
      height: number;
      width: number;
      bitrate: number;
      averageBitrate: number;
      codecs: string;
      sizeBytes: number;
      segmentCount: number;
      segments: Array<{
        index: number;
        start: number;
        duration: number;
        label: string;
      }>;
    }>;
    progress: {
      playlistId: string;
      status: PlaylistStatus;
      percent: number;
      queuePosition: number | null;
      etaSeconds: number | null;
      error: string | null;
      playable: boolean;
      playableAt: string | null;
    } | null;
    captions: Array<{
      language: string;
      label: string;
      source: CaptionSource;
      url: string;
    }>;
    skippedSubtitles: Array<{
      streamIndex: number;
      codec: string;
      language: string | null;
      reason: string;
    }>;
  } | null;
};

export type DeletePlaylistMutationVariables = Exact<{
  id: string | number;
}>;

export type DeletePlaylistMutation = { deletePlaylist: string };

export type ProcessingProgressSubscriptionVariables = Exact<{
  playlistId: string | number;
}>;

export type ProcessingProgressSubscription = {
  processingProgress: {
    playlistId: string;
    status: PlaylistStatus;
    percent: number;
    queuePosition: number | null;
    etaSeconds: number | null;
    error: string | null;
    playable: boolean;
    playableAt: string | null;
  };
};

export type UploadLimitsQueryVariables = Exact<{ [key: string]: never }>;

export type UploadLimitsQuery = {
  uploadLimits: {
    allowedExtensions: Array<string>;
    allowedResolutions: Array<number>;
    defaultResolutions: Array<number>;
    minSegmentDuration: number;
    maxSegmentDuration: number;
    defaultSegmentDuration: number;
    maxUploadBytes: number;
    maxTitleLength: number;
  };
};

export type CreateResumableUploadMutationVariables = Exact<{
  file: ResumableFileInput;
  options: UploadOptionsInput;
}>;

export type CreateResumableUploadMutation = {
  createResumableUpload: {
    playlistId: string;
    uploadUrl: string;
    expiresAt: string;
  };
};

export type WebhookFieldsFragment = {
  id: string;
  url: string;
  events: Array<WebhookEventType>;
  description: string | null;
  createdAt: string;
};

export type WebhookDeliveryFieldsFragment = {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  status: WebhookDeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  lastResponseCode: number | null;
  lastError: string | null;
};

export type WebhooksQueryVariables = Exact<{ [key: string]: never }>;

export type WebhooksQuery = {
  webhooks: Array<{
    id: string;
    url: string;
    events: Array<WebhookEventType>;
    description: string | null;
    createdAt: string;
  }>;
};

export type WebhookDeliveriesQueryVariables = Exact<{
  webhookId: string | number;
  first?: number | null | undefined;
}>;

export type WebhookDeliveriesQuery = {
  webhookDeliveries: {
    totalCount: number;
    nodes: Array<{
      id: string;
      eventId: string;
      eventType: WebhookEventType;
      status: WebhookDeliveryStatus;
      attempts: number;
      createdAt: string;
      lastAttemptAt: string | null;
      nextAttemptAt: string | null;
      lastResponseCode: number | null;
      lastError: string | null;
    }>;
  };
};

export type CreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;

export type CreateWebhookMutation = {
  createWebhook: {
    secret: string;
    webhook: {
      id: string;
      url: string;
      events: Array<WebhookEventType>;
      description: string | null;
      createdAt: string;
    };
  };
};

export type DeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;

export type DeleteWebhookMutation = { deleteWebhook: string };

export const ProgressFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ProgressFieldsFragment, unknown>;
export const PlaylistListItemFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistListItem' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posterUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'ProgressFields' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlaylistListItemFragment, unknown>;
export const PlaylistCaptionsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistCaptions' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'captions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedSubtitles' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'streamIndex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'codec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlaylistCaptionsFragment, unknown>;
export const PlaylistDetailFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistDetail' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'FragmentSpread',
            name: { kind: 'Name', value: 'PlaylistListItem' },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'segmentDuration' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestedResolutions' },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedResolutions' },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'hlsUrl' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'storyboard' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'vttUrl' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'displayWidth' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'displayHeight' },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
                { kind: 'Field', name: { kind: 'Name', value: 'frameRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'videoCodec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'audioCodec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hasAudio' } },
              ],
            },
          },
          {
            kind: 'FragmentSpread',
            name: { kind: 'Name', value: 'PlaylistCaptions' },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'variants' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bitrate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'averageBitrate' },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'codecs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'segmentCount' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'segments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'index' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'duration' },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistListItem' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posterUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'ProgressFields' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistCaptions' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'captions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedSubtitles' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'streamIndex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'codec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlaylistDetailFragment, unknown>;
export const WebhookFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Webhook' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          { kind: 'Field', name: { kind: 'Name', value: 'events' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhookFieldsFragment, unknown>;
export const WebhookDeliveryFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookDeliveryFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'WebhookDelivery' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastResponseCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhookDeliveryFieldsFragment, unknown>;
export const AuthDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Auth' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'auth' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'tokenRequired' },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'canWrite' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AuthQuery, AuthQueryVariables>;
export const AddCaptionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddCaption' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'playlistId' },
          },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'language' },
          },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'String' },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'label' },
          },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'String' },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'file' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'Upload' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addCaption' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'playlistId' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'playlistId' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'language' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'language' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'label' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'label' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'file' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'file' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'PlaylistCaptions' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistCaptions' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'captions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedSubtitles' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'streamIndex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'codec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddCaptionMutation, AddCaptionMutationVariables>;
export const RemoveCaptionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveCaption' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'playlistId' },
          },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'language' },
          },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'String' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeCaption' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'playlistId' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'playlistId' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'language' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'language' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'PlaylistCaptions' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistCaptions' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'captions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedSubtitles' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'streamIndex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'codec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  RemoveCaptionMutation,
  RemoveCaptionMutationVariables
>;
export const PlaylistsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Playlists' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'first' },
          },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'after' },
          },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'playlists' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'first' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'after' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'cursor' },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'FragmentSpread',
                              name: { kind: 'Name', value: 'PlaylistListItem' },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'hasNextPage' },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'endCursor' },
                      },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistListItem' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posterUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'ProgressFields' },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlaylistsQuery, PlaylistsQueryVariables>;
export const PlaylistDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Playlist' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'playlist' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'id' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'PlaylistDetail' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistListItem' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'posterUrl' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'progress' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'ProgressFields' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistCaptions' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'captions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedSubtitles' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'streamIndex' } },
                { kind: 'Field', name: { kind: 'Name', value: 'codec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'PlaylistDetail' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Playlist' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'FragmentSpread',
            name: { kind: 'Name', value: 'PlaylistListItem' },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'segmentDuration' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestedResolutions' },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'skippedResolutions' },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'hlsUrl' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'storyboard' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'vttUrl' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'source' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'displayWidth' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'displayHeight' },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'duration' } },
                { kind: 'Field', name: { kind: 'Name', value: 'frameRate' } },
                { kind: 'Field', name: { kind: 'Name', value: 'videoCodec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'audioCodec' } },
                { kind: 'Field', name: { kind: 'Name', value: 'hasAudio' } },
              ],
            },
          },
          {
            kind: 'FragmentSpread',
            name: { kind: 'Name', value: 'PlaylistCaptions' },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'variants' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'bitrate' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'averageBitrate' },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'codecs' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sizeBytes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'segmentCount' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'segments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'index' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'duration' },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'label' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PlaylistQuery, PlaylistQueryVariables>;
export const DeletePlaylistDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeletePlaylist' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deletePlaylist' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'id' },
                },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  DeletePlaylistMutation,
  DeletePlaylistMutationVariables
>;
export const ProcessingProgressDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'ProcessingProgress' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'playlistId' },
          },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'processingProgress' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'playlistId' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'playlistId' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'ProgressFields' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ProgressFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'ProcessingProgress' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'percent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queuePosition' } },
          { kind: 'Field', name: { kind: 'Name', value: 'etaSeconds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'error' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playable' } },
          { kind: 'Field', name: { kind: 'Name', value: 'playableAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  ProcessingProgressSubscription,
  ProcessingProgressSubscriptionVariables
>;
export const UploadLimitsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'UploadLimits' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'uploadLimits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'allowedExtensions' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'allowedResolutions' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'defaultResolutions' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'minSegmentDuration' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'maxSegmentDuration' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'defaultSegmentDuration' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'maxUploadBytes' },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'maxTitleLength' },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UploadLimitsQuery, UploadLimitsQueryVariables>;
export const CreateResumableUploadDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateResumableUpload' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'file' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'ResumableFileInput' },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'options' },
          },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'UploadOptionsInput' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createResumableUpload' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'file' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'file' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'options' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'options' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'playlistId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'uploadUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  CreateResumableUploadMutation,
  CreateResumableUploadMutationVariables
>;
export const WebhooksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Webhooks' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhooks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'FragmentSpread',
                  name: { kind: 'Name', value: 'WebhookFields' },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Webhook' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          { kind: 'Field', name: { kind: 'Name', value: 'events' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const WebhookDeliveriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'WebhookDeliveries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'webhookId' },
          },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'first' },
          },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhookDeliveries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'webhookId' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'webhookId' },
                },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'first' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'WebhookDeliveryFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookDeliveryFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'WebhookDelivery' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'eventType' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'attempts' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nextAttemptAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastResponseCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastError' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  WebhookDeliveriesQuery,
  WebhookDeliveriesQueryVariables
>;
export const CreateWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: {
            kind: 'Variable',
            name: { kind: 'Name', value: 'input' },
          },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'NamedType',
              name: { kind: 'Name', value: 'CreateWebhookInput' },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'input' },
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'webhook' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'FragmentSpread',
                        name: { kind: 'Name', value: 'WebhookFields' },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'WebhookFields' },
      typeCondition: {
        kind: 'NamedType',
        name: { kind: 'Name', value: 'Webhook' },
      },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'url' } },
          { kind: 'Field', name: { kind: 'Name', value: 'events' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  CreateWebhookMutation,
  CreateWebhookMutationVariables
>;
export const DeleteWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: {
                  kind: 'Variable',
                  name: { kind: 'Name', value: 'id' },
                },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<
  DeleteWebhookMutation,
  DeleteWebhookMutationVariables
>;
