import type { JoinBoot } from '../../../contract/workshops';

/** The id of the data block the server puts into /join/<code> (server/modules/workshops/join-page.ts). */
const BOOT_ID = 'rf-join-boot';

let read = false;
let boot: JoinBoot | null = null;

/**
 * What the server already put into the page for this code (the workshop, and the home of a device that
 * joined), so the phone shows the join form or the ballot without asking again; null on another code
 * (the guest typed a new one on /join) or when the page came without it (`vite` dev server).
 */
export function bootFor(code: string): JoinBoot | null {
  if (!read) {
    read = true;
    const text = document.getElementById(BOOT_ID)?.textContent;
    try {
      boot = text ? (JSON.parse(text) as JoinBoot) : null;
    } catch {
      boot = null; // a page without valid data works as before: it asks the API
    }
  }
  return boot && boot.code === code ? boot : null;
}
