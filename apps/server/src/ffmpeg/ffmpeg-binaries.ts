import { binaryCandidates, CandidateSources, packagedBinary, parseVersion, Tool } from '@cmm/ffmpeg-binaries';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { capabilitiesFromFilters, FfmpegCapabilities } from './ffmpeg-capabilities';
import { ProcessRunner } from './process-runner';

export interface ResolvedBinary {
  path: string;
  version: string;
}

const VERSION_TIMEOUT_MS = 10_000;

/**
 * The ffmpeg and ffprobe this server runs, chosen once at start-up: the first candidate whose
 * `-version` answers like ffmpeg, and what that ffmpeg's filters allow. Provided by an async
 * factory, so a machine without a working ffmpeg fails at start-up with a message that says what
 * was tried, not at the first upload.
 */
export class FfmpegBinaries {
  private static readonly logger = new Logger(FfmpegBinaries.name);

  constructor(
    readonly ffmpeg: ResolvedBinary,
    readonly ffprobe: ResolvedBinary,
    readonly capabilities: FfmpegCapabilities,
  ) {}

  static async resolve(config: AppConfig, runner: ProcessRunner, pathVariable: string | undefined): Promise<FfmpegBinaries> {
    const common = { pathVariable, platform: process.platform };
    const ffmpeg = await FfmpegBinaries.firstWorking('ffmpeg', { ...common, configured: config.FFMPEG_PATH, packaged: packagedBinary('ffmpeg') }, runner);
    const ffprobe = await FfmpegBinaries.firstWorking(
      'ffprobe',
      { ...common, configured: config.FFPROBE_PATH, configuredFfmpeg: config.FFMPEG_PATH, packaged: packagedBinary('ffprobe') },
      runner,
    );
    return new FfmpegBinaries(ffmpeg, ffprobe, await FfmpegBinaries.detectCapabilities(ffmpeg.path, runner));
  }

  /** Asks the ffmpeg at `path` for its filters; one that cannot list them is taken to have none of the optional ones. */
  static async detectCapabilities(path: string, runner: ProcessRunner): Promise<FfmpegCapabilities> {
    const result = await runner.run(path, ['-hide_banner', '-filters'], { timeoutMs: VERSION_TIMEOUT_MS });
    const capabilities = capabilitiesFromFilters(result.exitCode === 0 ? result.stdout : '');
    if (result.exitCode !== 0) FfmpegBinaries.logger.warn({ event: 'binary.filters_unlisted', path, exitCode: result.exitCode, stderrTail: result.stderrTail });
    FfmpegBinaries.logger.log({ event: 'binary.capabilities', path, ...capabilities });
    return capabilities;
  }

  private static async firstWorking(tool: Tool, sources: CandidateSources, runner: ProcessRunner): Promise<ResolvedBinary> {
    const candidates = binaryCandidates(tool, sources);
    const tried: string[] = [];
    let pathMisses = 0;
    for (const candidate of candidates) {
      const outcome = await FfmpegBinaries.tryVersion(tool, candidate.path, runner);
      if (typeof outcome !== 'string') {
        FfmpegBinaries.logger.log({ event: 'binary.resolved', tool, path: candidate.path, from: candidate.source, version: outcome.version });
        return outcome;
      }
      if (candidate.source === 'PATH' && outcome === 'ENOENT') pathMisses++;
      else tried.push(`${candidate.source}=${candidate.path} (${outcome})`);
    }
    if (pathMisses > 0 || !candidates.some((c) => c.source === 'PATH')) tried.push('PATH (not found)');
    if ('error' in sources.packaged) tried.push(`${sources.packaged.name} (${sources.packaged.error})`);
    const envName = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
    throw new Error(`No working ${tool} found: tried ${tried.join(', ')} — install ffmpeg or set ${envName}`);
  }

  /** The binary and its version, or a short reason why it does not work. */
  private static async tryVersion(tool: Tool, path: string, runner: ProcessRunner): Promise<ResolvedBinary | string> {
    try {
      const result = await runner.run(path, ['-version'], { timeoutMs: VERSION_TIMEOUT_MS });
      if (result.timedOut) return '-version timed out';
      if (result.exitCode !== 0) return result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`;
      const version = parseVersion(tool, result.stdout);
      return version ? { path, version } : `not ${tool}`;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    }
  }
}
