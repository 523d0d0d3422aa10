import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';

describe('App', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('renders the router outlet and the sign-in dialog', () => {
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('router-outlet')).not.toBeNull();
    expect(el.querySelector('cmm-sign-in-dialog')).not.toBeNull();
    http.expectOne('/graphql');
  });

  it('asks the server once whether it wants a token, and prompts when it does', async () => {
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    const request = http.expectOne('/graphql');
    expect(request.request.body).toMatchObject({ operationName: 'Auth' });
    request.flush({ data: { auth: { tokenRequired: true, canWrite: false } } });
    fixture.detectChanges();
    await fixture.whenStable();
    const dialog = fixture.nativeElement.querySelector(
      '[data-testid="sign-in-dialog"]',
    ) as HTMLDialogElement;
    expect(dialog.open).toBe(true);
  });
});
