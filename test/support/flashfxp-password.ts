/**
 * FlashFXP's password obfuscation run forwards, for writing Sites.dat fixtures: written from the scheme as docs/sites.md
 * describes it (the product only ever decodes). `seed` is the first byte, which FlashFXP picks itself.
 */
export const FLASHFXP_KEY = 'yA36zA48dEhfrvghGRg57h5UlDv3';

export function encodeFlashFxpPassword(plain: string, key: string, seed: number): string {
  const bytes = Buffer.from(plain, 'utf8');
  const out = [seed & 0xff];
  bytes.forEach((byte, index) => {
    let sum = byte + out[index]!;
    if (sum > 255) sum -= 255;
    out.push(sum ^ (key.charCodeAt(index % key.length) & 0xff));
  });
  return Buffer.from(out).toString('hex').toUpperCase();
}
