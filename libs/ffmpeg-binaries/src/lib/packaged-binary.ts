import type { CandidateSources, Tool } from './binary-candidates';

// Literal requires, so the server's bundler keeps them as externals resolved from node_modules at run time.
const PACKAGES: Record<Tool, { name: string; load: () => { path: string } }> = {
  ffmpeg: { name: '@ffmpeg-installer/ffmpeg', load: () => require('@ffmpeg-installer/ffmpeg') },
  ffprobe: { name: '@ffprobe-installer/ffprobe', load: () => require('@ffprobe-installer/ffprobe') },
};

/** The npm-shipped binary; the installer packages throw when there is none for the platform. */
export function packagedBinary(tool: Tool): CandidateSources['packaged'] {
  const { name, load } = PACKAGES[tool];
  try {
    return { name, path: load().path };
  } catch (error) {
    return { name, error: (error as Error).message };
  }
}

