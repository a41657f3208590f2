import { it } from 'vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';

it('signal', async () => {
  const c = new AbortController();
  try { new Request('http://localhost:3000/x', { signal: c.signal }); console.log('request with jsdom signal ok'); } catch (e) { console.log('ERR', String(e)); }
  const NodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor;
  console.log(NodeFormData.name, NodeFormData === FormData, typeof NodeFile);
}, 3000);
