/** The names of a playlist's storyboard files, in one place: ffmpeg writes them, the VTT names them, `/media` serves them. */
export const STORYBOARD_DIR = 'storyboard';
export const THUMBNAILS_VTT = 'thumbnails.vtt';
/** The encode's raw thumbnails, in the work folder only: tiled into sheets, then removed. */
export const THUMBNAILS_RAW = 'thumbnails.yuv';

const SHEET_DIGITS = 3;
/** `sprite_000.jpg`: the first sheet. */
export const spriteName = (sheet: number): string => `sprite_${String(sheet).padStart(SHEET_DIGITS, '0')}.jpg`;
/** The same names as ffmpeg's image2 pattern (numbered from 0 by `-start_number 0`). */
export const SPRITE_FFMPEG_PATTERN = `sprite_%0${SHEET_DIGITS}d.jpg`;
/** A published storyboard file's name. */
export const STORYBOARD_FILE = new RegExp(`^(${THUMBNAILS_VTT.replace('.', '\\.')}|sprite_\\d{${SHEET_DIGITS}}\\.jpg)$`);
