import type { VideoProbe } from '../ffmpeg/probe-parser';
import type { SourceRecord } from './manifest';

/** The manifest's `source` block from what ffprobe reported about the stored upload. */
export function toSourceRecord(probe: VideoProbe, file: { filename: string; path: string; sizeBytes: number }): SourceRecord {
  return {
    filename: file.filename,
    path: file.path,
    size_bytes: file.sizeBytes,
    width: probe.video.width,
    height: probe.video.height,
    display_width: probe.video.displayWidth,
    display_height: probe.video.displayHeight,
    rotation: probe.video.rotation,
    duration: probe.duration,
    frame_rate: probe.video.frameRate,
    video_codec: probe.video.codec,
    pixel_format: probe.video.pixelFormat,
    audio_codec: probe.audio?.codec ?? null,
    has_audio: probe.audio !== null,
  };
}
