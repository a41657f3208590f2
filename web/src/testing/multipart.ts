/** One part of a multipart body: a text field, or a file with its name, type and size. */
export type MultipartPart = { name: string; value: string } | { name: string; file: { fileName: string; contentType: string; size: number } };

/**
 * Reads a multipart/form-data request in a handler. Request.formData() cannot be used under Vitest:
 * Node's fetch (undici) was loaded while jsdom's File stood in for the global one, so its multipart
 * parser builds jsdom Files and then rejects them (AssertionError in multipartFormDataParser).
 * The same cause hangs formData.append(name, file, fileName), so the SPA uses the two-argument form.
 */
export async function readMultipart(request: Request): Promise<MultipartPart[]> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(request.headers.get('Content-Type') ?? '');
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  if (delimiter === '--') return [];
  const body = Buffer.from(await request.arrayBuffer()).toString('latin1');
  return body
    .split(delimiter)
    .slice(1, -1)
    .map((chunk) => {
      const part = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
      const split = part.indexOf('\r\n\r\n');
      const headers = part.slice(0, split);
      const content = part.slice(split + 4);
      const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
      const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
      if (fileName === undefined) return { name, value: Buffer.from(content, 'latin1').toString('utf8') };
      const contentType = /Content-Type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      return { name, file: { fileName, contentType, size: Buffer.byteLength(content, 'latin1') } };
    });
}
