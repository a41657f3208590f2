import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { SubjectModel } from './remove-background.ts';

// The package resizes to 1024 × 1024 itself with slow JavaScript loops: handing it a picture already
// near that size keeps its own resize cheap, and the mask is enlarged back with libvips.
const modelLongSide = 1024;

/**
 * The general-purpose subject segmenter of @imgly/background-removal-node (AGPL, ~1 GB once loaded).
 * Nothing is loaded until the first picture that needs it; the package then keeps one ONNX session
 * per distinct configuration, so the configuration is built once and reused.
 */
export function createSubjectModel(): SubjectModel {
  let config: object | undefined;
  let isLoaded = false;
  return {
    get isLoaded() {
      return isLoaded;
    },
    async segment(image) {
      const { removeBackground } = await import('@imgly/background-removal-node');
      config ??= {
        // Its default public path is resolved from process.cwd(), which is wrong when the BFF runs from bff/.
        publicPath: `file://${path.dirname(createRequire(import.meta.url).resolve('@imgly/background-removal-node'))}/`,
        model: 'medium',
        output: { format: 'image/x-rgba8' },
      };
      const { data, info } = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
        .resize(modelLongSide, modelLongSide, { fit: 'inside', withoutEnlargement: true })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      // A raw RGBA blob with its size in the type is decoded by the package without another codec pass.
      const input = new Blob([data], { type: `image/x-rgba8;width=${info.width};height=${info.height}` });
      const output = new Uint8Array(await (await removeBackground(input, config)).arrayBuffer());
      isLoaded = true;
      const mask = Buffer.alloc(info.width * info.height);
      for (let index = 0; index < mask.length; index += 1) mask[index] = output[index * 4 + 3]!;
      const full = await sharp(mask, { raw: { width: info.width, height: info.height, channels: 1 } })
        .resize(image.width, image.height, { fit: 'fill', kernel: 'linear' })
        .extractChannel(0)
        .raw()
        .toBuffer();
      return new Uint8Array(full.buffer, full.byteOffset, full.length);
    },
  };
}
