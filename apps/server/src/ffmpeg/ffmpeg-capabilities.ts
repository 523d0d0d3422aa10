/** What the resolved ffmpeg can do beyond what every build the server supports has. */
export interface FfmpegCapabilities {
  /**
   * `zscale` and `tonemap`: HDR sources are tone-mapped to SDR. zscale needs libzimg, which many
   * distribution and minimal builds leave out; without it a rougher conversion is used.
   */
  toneMapping: boolean;
}

/** A filter line of `ffmpeg -hide_banner -filters`: flags, name, pads (`V->V`, `|->A`), description. */
const FILTER_LINE = /^ [A-Z.|]{2,3} +(\S+) +\S+->\S+ /gm;

/** Reads the capabilities from the output of `ffmpeg -hide_banner -filters`. */
export function capabilitiesFromFilters(output: string): FfmpegCapabilities {
  const filters = new Set([...output.matchAll(FILTER_LINE)].map((m) => m[1]));
  return { toneMapping: filters.has('zscale') && filters.has('tonemap') };
}
