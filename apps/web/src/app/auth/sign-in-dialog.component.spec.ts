import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { GRAPHQL_WS_CLIENT } from './graphql-ws-client';
import { AuthTokenStore } from './auth-token.store';
import { AuthService } from './auth.service';
import { TOKEN_STORAGE } from './auth.tokens';
import { SignInDialogComponent } from './sign-in-dialog.component';

describe('SignInDialogComponent', () => {
  let fixture: ComponentFixture<SignInDialogComponent>;
  let auth: AuthService;
  let http: HttpTestingController;
  let el: HTMLElement;

  const q = <T extends Element = HTMLElement>(testId: string) =>
    el.querySelector(`[data-testid="${testId}"]`) as T | null;
  /** An element that must be there. */
  const get = <T extends Element = HTMLElement>(testId: string): T => {
    const found = q<T>(testId);
    if (!found) throw new Error(`no [data-testid="${testId}"]`);
    return found;
  };
  const dialog = () => get<HTMLDialogElement>('sign-in-dialog');
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const type = async (value: string) => {
    const input = get<HTMLInputElement>('sign-in-token');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await render();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInDialogComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: TOKEN_STORAGE, useValue: null },
        { provide: GRAPHQL_WS_CLIENT, useValue: { terminate: jest.fn() } },
      ],
    });
    fixture = TestBed.createComponent(SignInDialogComponent);
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement;
    await render();
  });

  afterEach(() => http.verify());

  it('stays closed until the service asks for a token', async () => {
    expect(dialog().open).toBe(false);
    auth.open();
    await render();
    expect(dialog().open).toBe(true);
    expect(q('sign-in-problem')).toBeNull();
  });

  it.each([
    ['refused', 'The server refused your API token. Enter a new one.'],
    ['needed', 'Uploading and deleting need an API token.'],
  ] as const)('says why it opened (%s)', async (problem, text) => {
    auth.open(problem);
    await render();
    expect(q('sign-in-problem')?.textContent?.trim()).toBe(text);
    expect(q('sign-in-problem')?.getAttribute('role')).toBe('alert');
  });

  it('signs in with the typed token and closes once the server accepts it', async () => {
    auth.open();
    await render();
    const submit = get<HTMLButtonElement>('sign-in-submit');
    expect(submit.disabled).toBe(true);
    await type('typed-token');
    expect(submit.disabled).toBe(false);
    submit.click();
    await render();
    expect(submit.textContent?.trim()).toBe('Checking…');
    const request = http.expectOne('/graphql');
    expect(request.request.headers.get('Authorization')).toBe(
      'Bearer typed-token',
    );
    request.flush({ data: { auth: { tokenRequired: true, canWrite: true } } });
    await render();
    expect(dialog().open).toBe(false);
    expect(TestBed.inject(AuthTokenStore).token()).toBe('typed-token');
  });

  it('lets the user enter another token when the server does not accept one', async () => {
    auth.open();
    await render();
    await type('wrong-token');
    get<HTMLButtonElement>('sign-in-submit').click();
    http
      .expectOne('/graphql')
      .flush({ data: { auth: { tokenRequired: true, canWrite: false } } });
    await render();
    expect(dialog().open).toBe(true);
    expect(q('sign-in-problem')?.textContent).toContain(
      'did not accept this token',
    );
    expect(get<HTMLInputElement>('sign-in-token').value).toBe('wrong-token');
  });

  it('can be put off: watching needs no token', async () => {
    auth.open();
    await render();
    (el.querySelector('button[type="button"]') as HTMLButtonElement).click();
    await render();
    expect(dialog().open).toBe(false);
  });
});
