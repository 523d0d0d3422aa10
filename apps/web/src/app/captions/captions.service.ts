// Adding and removing a playlist's captions: apollo-angular behind one service; the caption file goes as a GraphQL multipart request.
import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  AddCaptionDocument,
  type PlaylistCaptionsFragment,
  RemoveCaptionDocument,
} from '@cmm/api-schema';
import { type Observable, map } from 'rxjs';
import { MULTIPART_CONTEXT } from '../core/multipart';
import {
  type SortedErrors,
  operationErrors,
  sortFieldErrors,
} from '../shared/field-errors';

export type PlaylistCaptions = PlaylistCaptionsFragment;
export type Caption = PlaylistCaptions['captions'][number];

export const CAPTION_FIELDS = ['file', 'language', 'label'] as const;
export type CaptionField = (typeof CAPTION_FIELDS)[number];

export interface NewCaption {
  readonly playlistId: string;
  readonly language: string;
  readonly label: string;
  readonly file: File;
}

/** A failed add or remove, each message next to the field it concerns (a playlist that is not READY is a general one). */
export function captionErrors(error: unknown): SortedErrors<CaptionField> {
  return sortFieldErrors(operationErrors(error), CAPTION_FIELDS);
}

@Injectable({ providedIn: 'root' })
export class CaptionsService {
  private readonly apollo = inject(Apollo);

  /** Adds (or replaces, in the same language) a WebVTT or SubRip caption; emits the playlist's captions afterwards. */
  add(caption: NewCaption): Observable<PlaylistCaptions> {
    return this.apollo
      .mutate({
        mutation: AddCaptionDocument,
        variables: caption,
        context: MULTIPART_CONTEXT,
      })
      .pipe(map((result) => captionsOf(result.data?.addCaption)));
  }

  remove(playlistId: string, language: string): Observable<PlaylistCaptions> {
    return this.apollo
      .mutate({
        mutation: RemoveCaptionDocument,
        variables: { playlistId, language },
      })
      .pipe(map((result) => captionsOf(result.data?.removeCaption)));
  }
}

function captionsOf(
  playlist: PlaylistCaptions | null | undefined,
): PlaylistCaptions {
  if (!playlist) throw new Error('The server returned no playlist');
  return playlist;
}
