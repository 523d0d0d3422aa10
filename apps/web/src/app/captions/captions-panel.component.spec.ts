import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Subject } from 'rxjs';
import {
  captionFixture,
  playlistCaptionsFixture,
} from '../../testing/caption-fixtures';
import { CaptionsPanelComponent } from './captions-panel.component';
import { CaptionsService, type PlaylistCaptions } from './captions.service';

@Component({
  imports: [CaptionsPanelComponent],
  template: `<cmm-captions-panel
    [playlist]="playlist()"
    (changed)="changes = changes + 1"
  />`,
})
class HostComponent {
  readonly playlist = signal<PlaylistCaptions>(playlistCaptionsFixture('p1'));
  changes = 0;
}

const badInput = (field: string, message: string) =>
  new CombinedGraphQLErrors({
    errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
  });

describe('CaptionsPanelComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;
  let added: Subject<PlaylistCaptions>;
  let removed: Subject<PlaylistCaptions>;
  const service = {
    add: jest.fn(() => (added = new Subject<PlaylistCaptions>())),
    remove: jest.fn(() => (removed = new Subject<PlaylistCaptions>())),
  };

  const q = <T extends Element = HTMLElement>(testId: string) =>
    el.querySelector(`[data-testid="${testId}"]`) as T | null;
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const type = async (testId: string, value: string) => {
    const input = q<HTMLInputElement>(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await render();
  };
  const chooseFile = async (file: File) => {
    const input = q<HTMLInputElement>('caption-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await render();
  };
  const submit = async () => {
    q('caption-form')?.dispatchEvent(new Event('submit'));
    await render();
  };
  const srt = new File(['1\n00:00:01,000 --> 00:00:02,000\nHi\n'], 'en.srt');

  beforeEach(async () => {
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      imports: [HostComponent],
      providers: [{ provide: CaptionsService, useValue: service }],
    });
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
    await render();
  });

  it('lists each caption with its source and a link to its .vtt, and the skipped subtitle tracks with their reason', async () => {
    fixture.componentInstance.playlist.set(
      playlistCaptionsFixture(
        'p1',
        [
          captionFixture('p1', 'en', 'English'),
          captionFixture('p1', 'pt-BR', 'Português', 'EXTRACTED'),
        ],
        {
          skippedSubtitles: [
            {
              __typename: 'SkippedSubtitle',
              streamIndex: 3,
              codec: 'hdmv_pgs_subtitle',
              language: 'fr',
              reason: 'picture-based subtitles cannot be converted to text',
            },
          ],
        },
      ),
    );
    await render();
    const rows = [...el.querySelectorAll('[data-testid="caption-item"]')].map(
      (row) =>
        [...row.querySelectorAll('td')]
          .slice(0, 4)
          .map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['en', 'English', 'uploaded', 'en.vtt'],
      ['pt-BR', 'Português', 'extracted', 'pt-BR.vtt'],
    ]);
    expect(
      q('caption-item')?.querySelector('a')?.getAttribute('href'),
    ).toBe('/media/p1/stream/captions/en.vtt');
    expect(q('skipped-subtitles')?.textContent).toMatch(
      /Stream 3 \(hdmv_pgs_subtitle, fr\):\s+picture-based subtitles cannot be converted/,
    );
    expect(q('no-captions')).toBeNull();
  });

  it('adds a caption from the chosen file, language and label, then resets the form and reports the change', async () => {
    expect(q('no-captions')?.textContent).toContain('No captions yet');
    await chooseFile(srt);
    await type('caption-language', ' en ');
    await type('caption-label', 'English (SDH)');
    await submit();
    expect(service.add).toHaveBeenCalledWith({
      playlistId: 'p1',
      language: 'en',
      label: 'English (SDH)',
      file: srt,
    });
    expect(q<HTMLButtonElement>('add-caption')?.disabled).toBe(true);
    added.next(playlistCaptionsFixture('p1', [captionFixture('p1', 'en')]));
    await render();
    expect(fixture.componentInstance.changes).toBe(1);
    expect(q<HTMLInputElement>('caption-language')?.value).toBe('');
    expect(q<HTMLButtonElement>('add-caption')?.disabled).toBe(false);
  });

  it('labels a caption with its language’s name when the label is left blank', async () => {
    await chooseFile(srt);
    await type('caption-language', 'pt-BR');
    expect(q<HTMLInputElement>('caption-label')?.placeholder).toBe(
      'Brazilian Portuguese',
    );
    await submit();
    expect(service.add).toHaveBeenCalledWith(
      expect.objectContaining({ label: 'Brazilian Portuguese' }),
    );
  });

  it('asks for a file and a language before sending anything', async () => {
    await submit();
    expect(service.add).not.toHaveBeenCalled();
    expect(q('error-caption-file')?.textContent).toContain(
      'Choose a WebVTT or SubRip file',
    );
    expect(q('error-caption-language')?.textContent).toContain(
      'Enter a language tag',
    );
  });

  it('shows the server’s refusal next to the field it concerns, until that field changes', async () => {
    await chooseFile(srt);
    await type('caption-language', 'en');
    await submit();
    added.error(badInput('file', 'Cue 1: malformed timing line "00:00:01 -> 2"'));
    await render();
    expect(q('error-caption-file')?.textContent).toContain(
      'malformed timing line',
    );
    expect(q('error-caption-language')?.textContent?.trim()).toBe('');
    expect(fixture.componentInstance.changes).toBe(0);
    await chooseFile(new File(['WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n'], 'en.vtt'));
    expect(q('error-caption-file')?.textContent?.trim()).toBe('');
  });

  it('removes a caption only on the second press', async () => {
    fixture.componentInstance.playlist.set(
      playlistCaptionsFixture('p1', [captionFixture('p1', 'en', 'English')]),
    );
    await render();
    q('remove-caption')?.click();
    await render();
    expect(service.remove).not.toHaveBeenCalled();
    expect(q('remove-caption')?.textContent).toContain('Remove for good?');
    q('remove-caption')?.click();
    expect(service.remove).toHaveBeenCalledWith('p1', 'en');
    removed.next(playlistCaptionsFixture('p1'));
    await render();
    expect(fixture.componentInstance.changes).toBe(1);
  });

  it('offers no form, and no removal, for a playlist that is not READY, and says why', async () => {
    fixture.componentInstance.playlist.set(
      playlistCaptionsFixture('p1', [captionFixture('p1', 'en')], {
        status: 'TRANSCODING',
      }),
    );
    await render();
    expect(q('caption-form')).toBeNull();
    expect(q('captions-not-ready')?.textContent).toContain(
      'once the video is ready',
    );
    expect(q<HTMLButtonElement>('remove-caption')?.disabled).toBe(true);
  });
});
