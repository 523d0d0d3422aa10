/**
 * The `tee` muxer's output: `[key=value:…]target` per slave, joined by `|`. ffmpeg unescapes it
 * twice, once splitting the slaves and once reading each option's value, so a value is escaped
 * for both and the rest for the first: any media folder path survives.
 */
export interface TeeSlave {
  options: readonly (readonly [key: string, value: string])[];
  target: string;
}

const SLAVE_SPECIAL = /[\\'|]/g;
const OPTION_SPECIAL = /[\\':=[\]|]/g;
const escape = (text: string, special: RegExp) => text.replace(special, '\\$&');

export function teeOutput(slaves: readonly TeeSlave[]): string {
  return slaves
    .map(({ options, target }) => {
      const pairs = options.map(([key, value]) => `${key}=${escape(value, OPTION_SPECIAL)}`).join(':');
      return escape(`[${pairs}]${target}`, SLAVE_SPECIAL);
    })
    .join('|');
}
