/**
 * The signal helpers the CT and MRI operators are built on, public for
 * writing your own degradations and image features: exact 2-D discrete
 * Fourier transforms of any size with numpy's conventions (`fft2`, `ifft2`
 * scaled by 1/(width·height), `fftshift2`, `ifftshift2`; power-of-two
 * sizes in a WebAssembly SIMD kernel, other sizes by Bluestein's chirp-z,
 * never zero-padded), the signed frequency of a DFT bin, and the Rec. 601
 * luma plane of an image and back.
 *
 * @example Keep the low frequencies along x (a crude k-space mask)
 * ```ts
 * import { fft2, fftshift2, fromLuma, ifft2, ifftshift2, lumaPlane } from "./signal.ts";
 * const [w, h] = [6, 4];
 * const image = { width: w, height: h, channels: 1 as const, data: new Float32Array(w * h).fill(0.5) };
 * const re0 = lumaPlane(image), im0 = new Float64Array(w * h);
 * fft2(re0, im0, w, h);
 * const re = fftshift2(re0, w, h), im = fftshift2(im0, w, h); // DC at (h/2, w/2)
 * for (let y = 0; y < h; y++) {
 *   for (let x = 0; x < w; x++) {
 *     if (Math.abs(x - w / 2) > 1) re[y * w + x] = im[y * w + x] = 0;
 *   }
 * }
 * const back = ifftshift2(re, w, h), backIm = ifftshift2(im, w, h);
 * ifft2(back, backIm, w, h);
 * const out = fromLuma(image, back); // clipped to [0, 1], every channel
 * console.assert(Math.abs(out.data[7] - 0.5) < 1e-6); // a flat image is all DC
 * ```
 *
 * @module
 */

export { fft2, fftshift2, frequencyIndex, ifft2, ifftshift2 } from "./_fft.ts";
export { fromLuma, lumaPlane } from "./_luma.ts";
