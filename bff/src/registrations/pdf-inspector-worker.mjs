// Runs in a worker thread with a memory cap and a time limit (see pdf-inspection.ts): a hostile
// PDF can make pdf-lib inflate gigabytes or spin, and that must not stall or crash the BFF.
// Plain JavaScript so that it loads the same way under tsx, Vitest and plain Node.
import { parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';

/** Keys whose presence means code, attachments or forms: an authorisation letter needs none. */
const activeKeys = new Set(['JS', 'JavaScript', 'AA', 'EF', 'EmbeddedFile', 'EmbeddedFiles', 'XFA', 'RichMedia', 'AcroForm']);
/** Action types that run code, open other files, submit data or play media. Links (URI) stay allowed. */
const activeActions = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'RichMediaExecute', 'Rendition', 'Movie', 'Sound']);
const activeTypes = new Set(['EmbeddedFile', 'FileAttachment', 'Filespec']);

function hasActiveContent(pdf) {
  const seen = new Set();
  const visit = (object) => {
    if (!object || seen.has(object)) return false;
    if (object instanceof PDFStream) return visit(object.dict);
    if (object instanceof PDFArray) {
      seen.add(object);
      return object.asArray().some(visit);
    }
    if (!(object instanceof PDFDict)) return false;
    seen.add(object);
    for (const [key, value] of object.entries()) {
      const name = key.decodeText();
      if (activeKeys.has(name)) return true;
      if (value instanceof PDFName && ((name === 'S' && activeActions.has(value.decodeText())) || ((name === 'Type' || name === 'Subtype') && activeTypes.has(value.decodeText())))) return true;
      if (visit(value)) return true;
    }
    return false;
  };
  for (const [, object] of pdf.context.enumerateIndirectObjects()) if (visit(object)) return true;
  return visit(pdf.context.trailerInfo.Root) || false;
}

/** pdf-lib inflates streams into buffers outside the capped heap, so their total is bounded first. */
const maxInflatedBytes = 64 * 1024 * 1024;

function inflatesTooMuch(bytes) {
  const text = bytes.toString('latin1');
  let budget = maxInflatedBytes;
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      budget -= zlib.inflateSync(bytes.subarray(start, end), { maxOutputLength: budget + 1 }).length;
    } catch (err) {
      if (err instanceof RangeError || err?.code === 'ERR_BUFFER_TOO_LARGE') return true;
      // Not deflate data (or damaged): pdf-lib judges it below.
    }
    if (budget < 0) return true;
  }
  return false;
}

// workerData arrives as a plain Uint8Array (structured clone), not a Buffer.
const bytes = Buffer.from(workerData.buffer, workerData.byteOffset, workerData.byteLength);

try {
  if (inflatesTooMuch(bytes)) {
    parentPort.postMessage({ verdict: 'too-complex' });
    process.exit(0);
  }
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  if (pdf.getPageCount() < 1) parentPort.postMessage({ verdict: 'unreadable' });
  else if (hasActiveContent(pdf)) parentPort.postMessage({ verdict: 'active-content' });
  else parentPort.postMessage({ verdict: 'ok' });
} catch (err) {
  // pdf-lib's EncryptedPDFError fails instanceof (its ES5 build), so the message is what we can match.
  parentPort.postMessage({ verdict: /is encrypted/.test(String(err?.message)) ? 'encrypted' : 'unreadable' });
}
