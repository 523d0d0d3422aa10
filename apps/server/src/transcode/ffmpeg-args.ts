import type { Rung } from '@cmm/media-rules';
import type { FfmpegCapabilities } from '../ffmpeg/ffmpeg-capabilities';
import { parseRatio } from '../ffmpeg/frame-rate';
import { Demuxer, inputArgs } from '../ffmpeg/input-args';
import { pictureFilters, SourcePicture } from './picture-filters';
import { ENCODER_PLAYLIST, INIT_SEGMENT, SEGMENT_FFMPEG_PATTERN } from '../packaging/stream-layout';
import { teeOutput } from './tee-output';
import { thumbnailFilter, thumbnailsOutputArgs } from '../storyboard/storyboard-args';
import type { StoryboardPlan } from '../storyboard/storyboard-plan';

export interface EncodeJob {
  inputPath: string;
  demuxer: Demuxer;
  /** Absolute folder that receives one sub-folder per rung label. */
  outputDir: string;
  /** Highest first, as planned. */
  rungs: readonly Rung[];
  segmentDuration: number;
  /** The output frame rate, as `outputFrameRate` gives it: `25`, `24000/1001`. */
  fps: string;
  picture: SourcePicture;
  capabilities: FfmpegCapabilities;
  /** Made from the same decode (see `buildEncodeArgs`). */
  stills: Stills;
}

/** The poster and the storyboard's thumbnails: where they go (absolute) and their plans. */
export interface Stills {
  /** An image2 pattern that receives POSTER_CANDIDATES. */
  posterPattern: string;
  poster: PosterPlan;
  /** One file of raw thumbnails (see `thumbnailsOutputArgs`). */
  thumbnailsPath: string;
  storyboard: StoryboardPlan;
}

/** The poster shows the video at `at` seconds from its start, `width` × `height` square pixels. */
export interface PosterPlan {
  at: number;
  width: number;
  height: number;
}

/**
 * What the poster pattern receives, as numbered from 0: the first frame, then the frame at the
 * poster's instant. The poster is the last of them that exists: the first frame stands in when the
 * video ends before that instant (its probed duration was its audio's, say).
 */
export const POSTER_CANDIDATE_PATTERN = 'poster_%d.jpg';
export const POSTER_CANDIDATES = ['poster_1.jpg', 'poster_0.jpg'] as const;

const POSTER_MAX_WIDTH = 640;
/** veryfast keeps a 1080p ladder near real time on a few cores at a small quality cost. */
const X264_PRESET = 'veryfast';
/**
 * On top of the preset, as measured against x264's defaults at equal bits (npm run bench,
 * seed-pipeline): trellis quantisation gains about 0.25 dB for a few per cent more CPU; rungs of
 * 480p or fewer pixels, cheap to encode, also refine sub-pixel motion further and keep two
 * reference frames, about 0.3 dB more in fewer bytes. Two B-frames instead of three and the
 * diamond motion search (superfast's) cost about 5 % less CPU on a 1080p ladder for the same
 * PSNR at the same bytes.
 */
const X264_PARAMS = 'trellis=1:bframes=2:me=dia';
const X264_PARAMS_SMALL = 'trellis=1:subme=5:ref=2:bframes=2:me=dia';
const SMALL_RUNG_PIXELS = 854 * 480;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** A tenth of the way in (1 s into short clips), at most 640 wide, in the display's shape. */
export function planPoster(duration: number, display: { width: number; height: number }): PosterPlan {
  const at = duration >= 10 ? duration / 10 : Math.min(1, duration / 2);
  const width = even(Math.min(POSTER_MAX_WIDTH, display.width));
  return { at, width, height: even((width * display.height) / display.width) };
}

/**
 * The poster's frames (see POSTER_CANDIDATES) from the top rung's picture, which is already
 * upright, square-pixelled and SDR: the first, and the first at or after the instant. `setpts`
 * numbers them for the image2 muxer, which keeps a constant rate, so each is written once.
 */
function posterFilter(plan: PosterPlan): string {
  return [`setpts=PTS-STARTPTS`, `select='eq(n\\,0)+eq(selected_n\\,1)*gte(t\\,${plan.at.toFixed(3)})'`, `scale=${plan.width}:${plan.height}`, 'setsar=1', 'setpts=N/FRAME_RATE/TB'].join(',');
}
/**
 * A rung this many times smaller than a higher one is scaled from that rung's picture rather
 * than from the source: fewer rows to filter (about 3 % of a 1080p ladder's CPU), within 0.2 dB
 * of scaling the source directly. Closer rungs are not (480p from 720p is, 360p from 480p would
 * lose 0.5 dB).
 */
const CASCADE_MIN_RATIO = 1.49; // 1.5, less even rounding: 1280 is 1.499 times 854

/**
 * Which picture each rung is scaled from: the index of the smallest higher rung at least
 * CASCADE_MIN_RATIO times its size, or -1 for the decoded source. Rungs are highest first.
 */
export function scaleSources(rungs: readonly Pick<Rung, 'width' | 'height'>[]): number[] {
  return rungs.map((rung, i) => {
    for (let j = i - 1; j >= 0; j--) {
      if (Math.min(rungs[j].width / rung.width, rungs[j].height / rung.height) >= CASCADE_MIN_RATIO) return j;
    }
    return -1;
  });
}

/**
 * Segment boundaries in seconds: a lead-in of 1, 2, 4 … s (each at most half the segment
 * duration), then every `segmentDuration`. A 4 s ladder is cut 1, 1, 2, 4, 4 …: a player starts
 * on a first segment a quarter the size, and a growing stream is published in finer steps.
 */
export function leadInBoundaries(segmentDuration: number): number[] {
  const lead: number[] = [];
  for (let b = 1; b * 2 <= segmentDuration; b *= 2) lead.push(b);
  return lead;
}

/**
 * `-force_key_frames` for 0, the lead-in, then multiples of the segment duration, as one
 * expression (`n_forced` counts the key frames forced so far), and the `-hls_time` that cuts a
 * segment at each of them: the shortest segment's length.
 */
export function keyFrameSchedule(segmentDuration: number): { forceKeyFrames: string; hlsTime: number } {
  const lead = leadInBoundaries(segmentDuration).length;
  const forceKeyFrames =
    lead === 0
      ? `expr:gte(t,n_forced*${segmentDuration})`
      : `expr:gte(t,if(lte(n_forced,${lead}),if(n_forced,pow(2,n_forced-1),0),${segmentDuration}*(n_forced-${lead})))`;
  return { forceKeyFrames, hlsTime: lead === 0 ? segmentDuration : 1 };
}

/**
 * One ffmpeg process for the whole ladder: the source is decoded once, deinterlaced if need be,
 * made constant-rate by `fps` (the portable way: 2018 builds lack `-fps_mode`, newer ones
 * deprecate `-vsync`), brought from HDR to SDR if need be (see `pictureFilters`), split, and
 * scaled per rung, a small rung from a larger rung's picture (see `scaleSources`). Key frames are
 * forced on every segment boundary (see `keyFrameSchedule`) with scene cuts off, so all rungs cut
 * segments at the same times. The audio is encoded once per bitrate the ladder uses (one encode
 * for most ladders), not once per rung.
 *
 * One `tee` output carries every stream; each slave is one rung's `hls` muxer, selecting its
 * video and its audio, so every rung folder holds segments with audio and video as before. (A
 * multi-variant `-var_stream_map` would do the same, but the 2018 ffmpeg on npm crashes at the end
 * of one.) tee writes no global headers itself, so the encoders are told to (`+global_header`):
 * fMP4 init segments need them. Each rung's EVENT playlist (hidden, see ENCODER_PLAYLIST) lists a
 * segment once it is whole; `temp_file` also writes it as `.tmp` and renames it when whole (newer
 * builds; the 2018 one only warns), so a segment name never holds half a segment.
 *
 * Two more outputs take their pictures from the same decode, so no second pass over the source or
 * the ladder is needed once it is encoded: the poster from the top rung (see `posterFilter`) and
 * the storyboard's thumbnails from the smallest (see `thumbnailFilter`).
 */
export function buildEncodeArgs(job: EncodeJob): string[] {
  const { fps } = job;
  const picture = pictureFilters(job.picture, job.capabilities);
  const gop = Math.ceil((parseRatio(fps) ?? 0) * job.segmentDuration);
  const keys = keyFrameSchedule(job.segmentDuration);
  const sources = scaleSources(job.rungs);
  const input = (i: number) => (sources[i] < 0 ? `[s${i}]` : `[c${i}]`);
  const last = job.rungs.length - 1;
  const scales = job.rungs.map((r, i) => {
    const children = sources.flatMap((from, c) => (from === i ? [`[c${c}]`] : []));
    const outputs = [`[v${i}]`, ...children, ...(i === 0 ? ['[poster]'] : []), ...(i === last ? ['[storyboard]'] : [])];
    const out = outputs.length > 1 ? `,split=${outputs.length}${outputs.join('')}` : outputs[0];
    // a rung's picture is already SDR, limited range and square-pixelled: only the source needs the scale options
    const options = sources[i] < 0 ? picture.scaleOptions : '';
    return `${input(i)}scale=${r.width}:${r.height}${options},setsar=1,format=yuv420p${out}`;
  });
  const roots = job.rungs.flatMap((_, i) => (sources[i] < 0 ? [input(i)] : []));
  const decoded = [...picture.deinterlace, `fps=${fps}`, ...picture.toSdr].join(',');
  const stills = [`[poster]${posterFilter(job.stills.poster)}[posterOut]`, `[storyboard]${thumbnailFilter(job.stills.storyboard)}[storyboardOut]`];
  const graph = [`[0:v:0]${decoded},split=${roots.length}${roots.join('')}`, ...scales, ...stills].join(';');
  const audioRates = [...new Set(job.rungs.map((r) => r.audioKbps))];

  const video = job.rungs.flatMap((rung, i) => [
    ...[`-profile:v:${i}`, rung.height > 360 ? 'high' : 'main'],
    ...[`-x264-params:v:${i}`, rung.width * rung.height > SMALL_RUNG_PIXELS ? X264_PARAMS : X264_PARAMS_SMALL],
    ...[`-crf:v:${i}`, String(rung.crf), `-maxrate:v:${i}`, `${rung.maxrateKbps}k`, `-bufsize:v:${i}`, `${rung.bufsizeKbps}k`],
  ]);
  const audio = audioRates.flatMap((kbps, j) => [`-b:a:${j}`, `${kbps}k`]);
  const slaves = job.rungs.map((rung, i) => {
    const dir = `${job.outputDir}/${rung.label}`;
    return {
      options: [
        ['select', `v:${i},a:${audioRates.indexOf(rung.audioKbps)}`],
        ['f', 'hls'],
        ['hls_time', String(keys.hlsTime)],
        ['hls_playlist_type', 'event'],
        ['hls_segment_type', 'fmp4'],
        ['hls_flags', 'independent_segments+temp_file'],
        ['hls_fmp4_init_filename', INIT_SEGMENT],
        ['hls_segment_filename', `${dir}/${SEGMENT_FFMPEG_PATTERN}`],
      ] as const,
      target: `${dir}/${ENCODER_PLAYLIST}`,
    };
  });

  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats'],
    ...inputArgs(job.inputPath, job.demuxer),
    ...['-filter_complex', graph],
    ...job.rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
    ...audioRates.flatMap(() => ['-map', '0:a:0?']),
    ...['-c:v', 'libx264', '-preset', X264_PRESET, '-pix_fmt', 'yuv420p', ...picture.colourTags, ...video],
    ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-force_key_frames', keys.forceKeyFrames],
    ...['-c:a', 'aac', '-ac', '2', ...audio],
    ...['-flags', '+global_header', '-map_metadata', '-1', '-dn', '-sn', '-max_muxing_queue_size', '1024'],
    ...['-f', 'tee', teeOutput(slaves)],
    ...['-map', '[posterOut]', '-q:v', '3', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', job.stills.posterPattern],
    ...thumbnailsOutputArgs('[storyboardOut]', job.stills.thumbnailsPath),
  ];
}
