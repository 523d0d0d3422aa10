import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { listItemFixture, progressFixture } from '../../testing/fixtures';
import type { UploadJob } from '../upload/upload.service';
import { historyEntries } from './history-entry';
import { UploadHistoryComponent } from './upload-history.component';

function job(changes: Partial<UploadJob>): UploadJob {
  return {
    id: 'upload-1',
    fileName: 'travel.mp4',
    size: 5 * 1024 * 1024,
    title: 'travel.mp4',
    phase: 'uploading',
    sentPercent: 12.4,
    resumedAt: null,
    playlistId: null,
    stage: null,
    stagePercent: 0,
    fieldErrors: {},
    error: null,
    ...changes,
  };
}

describe('UploadHistoryComponent', () => {
  let fixture: ComponentFixture<UploadHistoryComponent>;
  let el: HTMLElement;

  const render = async (inputs: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(inputs))
      fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const badge = (testId: string) =>
    el
      .querySelector(`[data-testid="${testId}"] [data-testid="status-badge"]`)
      ?.textContent?.trim();

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [UploadHistoryComponent],
      providers: [provideRouter([])],
    });
    fixture = TestBed.createComponent(UploadHistoryComponent);
    el = fixture.nativeElement;
  });

  it('shows skeleton rows until the history arrives', async () => {
    await render({ entries: [], loaded: false });
    expect(el.querySelectorAll('.item--skeleton')).toHaveLength(4);
    await render({ entries: [], loaded: true });
    expect(el.querySelectorAll('.item--skeleton')).toHaveLength(0);
    expect(el.textContent).toContain('No uploads yet.');
  });

  it('shows a status badge per playlist: queued, processing NN%, ready, failed', async () => {
    const items = [
      listItemFixture('q', 'QUEUED'),
      listItemFixture('t', 'TRANSCODING', {
        progress: progressFixture('t', 'TRANSCODING', 63.2),
      }),
      listItemFixture('r', 'READY'),
      listItemFixture('f', 'FAILED'),
    ];
    await render({ entries: historyEntries([], items), loaded: true });
    expect(badge('playlist-item-q')).toBe('queued');
    expect(badge('playlist-item-t')).toBe('processing 63%');
    expect(badge('playlist-item-r')).toBe('ready');
    expect(badge('playlist-item-f')).toBe('failed');
    expect(
      el.querySelector('[data-testid="playlist-item-f"]')?.textContent,
    ).toContain('ffmpeg exited with code 1');
  });

  it('uses the poster as thumbnail and a letter avatar otherwise', async () => {
    await render({
      entries: historyEntries(
        [],
        [
          listItemFixture('r', 'READY'),
          listItemFixture('q', 'QUEUED', { title: 'zoo trip' }),
        ],
      ),
      loaded: true,
    });
    expect(
      el
        .querySelector('[data-testid="playlist-item-r"] img')
        ?.getAttribute('src'),
    ).toBe('/media/r/poster.jpg');
    expect(
      el.querySelector('[data-testid="playlist-item-q"] .thumb--letter')
        ?.textContent,
    ).toBe('Z');
  });

  it('lists uploads still in flight on top with their own progress', async () => {
    await render({
      entries: historyEntries(
        [
          job({}),
          job({
            id: 'upload-2',
            phase: 'network-error',
            error: 'Network error',
          }),
        ],
        [listItemFixture('r')],
      ),
      loaded: true,
    });
    const rows = [...el.querySelectorAll('li > *')].map((n) =>
      n.getAttribute('data-testid'),
    );
    expect(rows).toEqual([
      'upload-item-upload-1',
      'upload-item-upload-2',
      'playlist-item-r',
    ]);
    expect(badge('upload-item-upload-1')).toBe('uploading 12%');
    expect(
      el.querySelector<HTMLProgressElement>(
        '[data-testid="upload-item-upload-1"] progress',
      )?.value,
    ).toBe(12);
    expect(badge('upload-item-upload-2')).toBe('interrupted');
  });

  it('marks the playlist on screen and links every playlist to its page', async () => {
    await render({
      entries: historyEntries([], [listItemFixture('a'), listItemFixture('b')]),
      activeId: 'b',
      loaded: true,
    });
    const b = el.querySelector('[data-testid="playlist-item-b"]') as HTMLElement;
    expect(b.getAttribute('aria-current')).toBe('page');
    expect(b.getAttribute('href')).toBe('/playlists/b');
    expect(
      el
        .querySelector('[data-testid="playlist-item-a"]')
        ?.hasAttribute('aria-current'),
    ).toBe(false);
  });

  it('offers "Load more" only while there are more pages', async () => {
    const loadMore = jest.fn();
    fixture.componentInstance.loadMore.subscribe(loadMore);
    await render({
      entries: historyEntries([], [listItemFixture('a')]),
      loaded: true,
      hasMore: true,
    });
    (
      el.querySelector('[data-testid="load-more"]') as HTMLButtonElement
    ).click();
    expect(loadMore).toHaveBeenCalledTimes(1);
    await render({ hasMore: false });
    expect(el.querySelector('[data-testid="load-more"]')).toBeNull();
  });

  it('offers to try again when the history could not be loaded', async () => {
    const retry = jest.fn();
    fixture.componentInstance.retry.subscribe(retry);
    await render({ entries: [], loaded: true, error: 'Connection refused' });
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Connection refused',
    );
    expect(el.textContent).not.toContain('No uploads yet.');
    (
      el.querySelector('[data-testid="history-retry"]') as HTMLButtonElement
    ).click();
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
