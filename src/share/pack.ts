import { deflateSync, strToU8 } from 'fflate';
import { PACK_MARK } from './source';
import { LINK_FORMAT } from './unpack';

export { LINK_FORMAT, MAX_LINK_CHARS, unpackScenario } from './unpack';

/** Packs a scenario (any JSON value) for an address: `~1.` + base64url of its deflated JSON (see unpack.ts). */
export function packScenario(scenario: unknown): string {
  const bytes = deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 });
  return `${PACK_MARK}${LINK_FORMAT}.${toBase64Url(bytes)}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
