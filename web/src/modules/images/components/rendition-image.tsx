import { imageRenditions } from '@ecoo/shared/images/schemas';

/**
 * One rendition of an accepted stamp or signature, always with its size so the page keeps its place
 * before the picture arrives (no layout shift on a slow line). `list` is exactly 256 × 128 (the image
 * centred on transparent padding), drawn in the 8rem × 4rem table box at 2× density; `preview` is
 * fitted inside 320 × 320, so it is drawn in a 10rem square with object-fit: contain, whatever its shape.
 */
const boxes = { list: imageRenditions['list-v2.webp'], preview: imageRenditions['preview.webp'] } as const;
const classNames = { list: 'stamp-thumbnail', preview: 'rendition-preview' } as const;

export function RenditionImage({ src, rendition, alt }: { src: string; rendition: keyof typeof boxes; alt: string }) {
  const box = boxes[rendition];
  return <img className={classNames[rendition]} src={src} width={box.width} height={box.height} alt={alt} />;
}
