import { InjectionToken } from '@angular/core';
import { injectLocalStorage } from '../shared/browser-storage';
import type { AbrEnvironment, HlsStatic } from '@cmm/player';
import Hls from 'hls.js';

/** hls.js itself; specs provide a fake. */
export const HLS = new InjectionToken<HlsStatic | null>('hls.js', {
  providedIn: 'root',
  factory: () => Hls as unknown as HlsStatic,
});

interface NetworkInformationLike {
  downlink?: number;
  effectiveType?: string;
}

/** Network Information and screen density, read by the adaptation controller. */
export const ABR_ENVIRONMENT = new InjectionToken<AbrEnvironment>(
  'ABR environment',
  {
    providedIn: 'root',
    factory: () => ({
      network: () =>
        (
          globalThis.navigator as Navigator & {
            connection?: NetworkInformationLike;
          }
        )?.connection ?? null,
      devicePixelRatio: () => globalThis.devicePixelRatio ?? 1,
    }),
  },
);

/** Fetches a text file (the thumbnails track); specs provide a fake. */
export const FETCH_TEXT = new InjectionToken<(url: string) => Promise<string>>(
  'fetch text',
  {
    providedIn: 'root',
    factory: () => async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    },
  },
);

/** Where the viewer's caption choice is remembered across videos; specs provide an in-memory one. */
export type CaptionChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const CAPTION_CHOICE_STORAGE =
  new InjectionToken<CaptionChoiceStorage | null>('caption choice storage', {
    providedIn: 'root',
    factory: injectLocalStorage,
  });
