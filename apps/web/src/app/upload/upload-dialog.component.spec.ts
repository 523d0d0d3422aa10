import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import { fakeTus } from '../../testing/fake-tus';
import {
  detailFixture,
  limitsFixture,
  progressFixture,
  videoFile,
} from '../../testing/fixtures';
import { UploadDialogComponent } from './upload-dialog.component';
import { UploadService } from './upload.service';

const settle = () => new Promise((resolve) => setTimeout(resolve));

@Component({
  imports: [UploadDialogComponent],
  template: `<cmm-upload-dialog [open]="open()" (closed)="open.set(false)" />`,
})
class HostComponent {
  readonly open = signal(true);
}

describe('UploadDialogComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let http: HttpTestingController;
  let el: HTMLElement;
  let tus: ReturnType<typeof fakeTus>;

  const q = <T extends Element = HTMLElement>(testId: string) =>
    el.querySelector(`[data-testid="${testId}"]`) as T | null;
  /** The element, failing the test when it is not rendered. */
  const get = <T extends Element = HTMLElement>(testId: string): T => {
    const found = q<T>(testId);
    if (!found) throw new Error(`[data-testid="${testId}"] is not rendered`);
    return found;
  };
  const submit = () => get<HTMLButtonElement>('upload-submit');
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const chooseFile = async (file: File) => {
    const input = get<HTMLInputElement>('upload-file-input');
    Object.defineProperty(input, 'files', {
      value: [file],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await render();
  };

  /** Submits the form and waits for createResumableUpload to go out. */
  const submitAndCreate = async () => {
    submit().click();
    await render();
    await settle();
    return http.expectOne('/graphql');
  };
  const created = (playlistId: string) => ({
    data: {
      createResumableUpload: {
        playlistId,
        uploadUrl: `/uploads/tus/${playlistId}`,
        expiresAt: '2026-12-02T00:00:00.000Z',
      },
    },
  });

  beforeEach(async () => {
    tus = fakeTus();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, HostComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Router, useValue: { navigate: jest.fn() } },
        tus.provider,
      ],
    });
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
    http = TestBed.inject(HttpTestingController);
    await render();
    TestBed.inject(ApolloTestingController)
      .expectOne('UploadLimits')
      .flushData({ uploadLimits: limitsFixture });
    await settle();
    await render();
  });

  it('opens as a dialog and builds the resolution choices from the upload limits, defaults checked', () => {
    expect(el.querySelector('dialog')?.hasAttribute('open')).toBe(true);
    const checked = [1080, 720, 480, 360].map(
      (h) => q<HTMLInputElement>(`resolution-${h}`)?.checked,
    );
    expect(checked).toEqual([false, true, false, true]);
    expect(q<HTMLInputElement>('upload-segment-duration')?.value).toBe('4');
  });

  it('keeps submit disabled until a valid file is chosen, and shows its name and size', async () => {
    expect(submit().disabled).toBe(true);
    await chooseFile(videoFile('holiday.mp4', 3 * 1024 * 1024));
    expect(submit().disabled).toBe(false);
    expect(q('upload-file-name')?.textContent).toContain('holiday.mp4');
    expect(el.textContent).toContain('3.0 MB');
  });

  it('refuses an unsupported file type next to the file field', async () => {
    await chooseFile(videoFile('notes.txt'));
    expect(submit().disabled).toBe(true);
    expect(q('error-file')?.textContent).toContain('Unsupported file type');
  });

  it('needs at least one resolution', async () => {
    await chooseFile(videoFile());
    for (const h of [720, 360]) {
      const box = get<HTMLInputElement>(`resolution-${h}`);
      box.checked = false;
      box.dispatchEvent(new Event('change'));
    }
    await render();
    expect(submit().disabled).toBe(true);
    expect(q('error-resolutions')?.textContent).toContain(
      'at least one resolution',
    );
  });

  it('refuses a segment length outside the limits', async () => {
    await chooseFile(videoFile());
    const input = get<HTMLInputElement>('upload-segment-duration');
    input.value = '45';
    input.dispatchEvent(new Event('input'));
    await render();
    expect(submit().disabled).toBe(true);
    expect(q('error-segmentDuration')?.textContent).toContain(
      'between 1 and 30',
    );
  });

  it('uploads with the chosen options, shows bytes sent, and stays disabled while starting', async () => {
    await chooseFile(videoFile('clip.mp4', 2048));
    const title = get<HTMLInputElement>('upload-title');
    title.value = '  Launch video ';
    title.dispatchEvent(new Event('input'));
    const req = await submitAndCreate();
    expect(req.request.body.variables.options).toEqual({
      resolutions: [720, 360],
      segmentDuration: 4,
      title: 'Launch video',
    });
    expect(submit().disabled).toBe(true);
    req.flush(created('p1'));

    tus.transfers[0].progress(1024);
    await render();
    expect(
      q<HTMLProgressElement>('upload-progress')?.getAttribute('aria-valuenow'),
    ).toBe('50');
    expect(q('upload-stage')?.textContent).toContain('Uploading 50%');
  });

  it('shows the bytes already on the server when an upload resumes', async () => {
    await chooseFile(videoFile('clip.mp4', 3 * 1024 * 1024));
    (await submitAndCreate()).flush(created('p1'));
    tus.transfers[0].answerHead(2 * 1024 * 1024);
    tus.transfers[0].progress(2.4 * 1024 * 1024);
    await render();
    expect(q('upload-stage')?.textContent).toContain('Resuming at 2.0 MB: 80%');
  });

  it('keeps the upload bar full while processing, and steps aside once the playlist is playable', async () => {
    await chooseFile(videoFile('clip.mp4', 2048));
    (await submitAndCreate()).flush(created('p1'));
    tus.transfers[0].succeed();
    await render();
    const apollo = TestBed.inject(ApolloTestingController);
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('p1', 'QUEUED') });
    await settle();
    const progress = apollo.expectOne('ProcessingProgress');
    progress.flushData({
      processingProgress: progressFixture('p1', 'TRANSCODING', 40),
    });
    await settle();
    await render();
    const value = (id: string) => q(id)?.getAttribute('aria-valuenow');
    expect([value('upload-progress'), value('processing-progress')]).toEqual([
      '100',
      '40',
    ]);
    expect(q('upload-stage')?.textContent).toContain('Transcoding 40%');

    expect(fixture.componentInstance.open()).toBe(true);

    progress.flushData({
      processingProgress: progressFixture('p1', 'TRANSCODING', 45, null, true),
    });
    await settle();
    await render();
    expect(fixture.componentInstance.open()).toBe(false);
  });

  it('shows the server’s validation error next to the field it concerns', async () => {
    await chooseFile(videoFile());
    (await submitAndCreate()).flush({
      data: null,
      errors: [
        {
          message: 'Title must not contain control characters',
          extensions: { code: 'BAD_USER_INPUT', field: 'title' },
        },
      ],
    });
    await render();
    expect(q('error-title')?.textContent).toContain(
      'Title must not contain control characters',
    );
    expect(submit().disabled).toBe(false);
  });

  it('shows Retry after a network failure, and Cancel stops the upload and removes it from the server', async () => {
    await chooseFile(videoFile());
    (await submitAndCreate()).flush(created('p1'));
    const [transfer] = tus.transfers;
    transfer.fail();
    await render();
    expect(q('upload-error')?.textContent).toContain('The connection dropped');

    get<HTMLButtonElement>('upload-retry').click();
    await render();
    expect(transfer.starts).toBe(2);
    get<HTMLButtonElement>('upload-cancel').click();
    await render();
    expect(transfer.aborts).toEqual([true]);
    expect(TestBed.inject(UploadService).jobs()).toEqual([]);
    expect(q('upload-progress')).toBeNull();
  });

  it('closes on Escape', async () => {
    const dialog = el.querySelector('dialog');
    expect(dialog).not.toBeNull();
    dialog?.dispatchEvent(new Event('cancel', { cancelable: true }));
    await render();
    expect(fixture.componentInstance.open()).toBe(false);
    expect(el.querySelector('dialog')?.hasAttribute('open')).toBe(false);
  });
});
