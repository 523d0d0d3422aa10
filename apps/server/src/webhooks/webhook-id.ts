import { randomBytes } from 'node:crypto';

/** A new random id: `wh_…` for a webhook, `whd_…` for a delivery, `evt_…` for an event. */
export const newId = (prefix: 'wh' | 'whd' | 'evt') => `${prefix}_${randomBytes(12).toString('hex')}`;
