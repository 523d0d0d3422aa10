import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { lifecycleEvents } from './lifecycle-events';
import { WebhookEventType as E } from './webhook-event-type';

const AT = '2026-01-01T00:00:00.000Z';
const at = (status: PlaylistStatus, playable_at: string | null = null) => ({ status, playable_at });

describe('lifecycleEvents', () => {
  it.each<[string, ReturnType<typeof at> | null, ReturnType<typeof at> | null, E[]]>([
    ['a new upload', null, at(PlaylistStatus.QUEUED), []],
    ['QUEUED → PROBING', at(PlaylistStatus.QUEUED), at(PlaylistStatus.PROBING), []],
    ['the growing stream published', at(PlaylistStatus.TRANSCODING), at(PlaylistStatus.TRANSCODING, AT), [E.PLAYLIST_PLAYABLE]],
    ['progress while playable', at(PlaylistStatus.TRANSCODING, AT), at(PlaylistStatus.PACKAGING, AT), []],
    ['READY after playable', at(PlaylistStatus.PACKAGING, AT), at(PlaylistStatus.READY, AT), [E.PLAYLIST_READY]],
    ['READY without a published stream first', at(PlaylistStatus.PACKAGING), at(PlaylistStatus.READY, AT), [E.PLAYLIST_PLAYABLE, E.PLAYLIST_READY]],
    ['READY saved again (a title change)', at(PlaylistStatus.READY, AT), at(PlaylistStatus.READY, AT), []],
    ['FAILED while encoding', at(PlaylistStatus.TRANSCODING, AT), at(PlaylistStatus.FAILED), [E.PLAYLIST_FAILED]],
    ['FAILED saved again', at(PlaylistStatus.FAILED), at(PlaylistStatus.FAILED), []],
    ['a job recovered at start-up', at(PlaylistStatus.TRANSCODING, AT), at(PlaylistStatus.QUEUED), []],
    ['deleted', at(PlaylistStatus.READY, AT), null, [E.PLAYLIST_DELETED]],
    ['nothing to nothing', null, null, []],
  ])('%s → %j', (_name, before, after, events) => {
    expect(lifecycleEvents(before, after)).toEqual(events);
  });
});
