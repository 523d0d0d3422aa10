import { TestBed } from '@angular/core/testing';
import { TOKEN_STORAGE_KEY, AuthTokenStore } from './auth-token.store';
import { TOKEN_STORAGE, type TokenStorage } from './auth.tokens';

function memoryStorage(initial: Record<string, string> = {}): TokenStorage {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('AuthTokenStore', () => {
  const create = (storage: TokenStorage | null) => {
    TestBed.configureTestingModule({
      providers: [{ provide: TOKEN_STORAGE, useValue: storage }],
    });
    return TestBed.inject(AuthTokenStore);
  };

  it('starts from the token kept in storage', () => {
    expect(
      create(memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept-token' })).token(),
    ).toBe('kept-token');
  });

  it('keeps a saved token for the next visit and forgets a cleared one', () => {
    const storage = memoryStorage();
    const store = create(storage);
    store.save('new-token');
    expect(store.token()).toBe('new-token');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('new-token');
    store.clear();
    expect(store.token()).toBeNull();
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('still holds the token for this page when storage is unavailable or throws', () => {
    const throwing: TokenStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    for (const storage of [null, throwing]) {
      TestBed.resetTestingModule();
      const store = create(storage);
      expect(store.token()).toBeNull();
      store.save('page-token');
      expect(store.token()).toBe('page-token');
    }
  });
});
