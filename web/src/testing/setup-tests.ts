import '@testing-library/jest-dom/vitest';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { applyLocale } from '../lib/i18n';
import { forgetChosenLanguage } from './handlers/accounts';
import { server } from './msw-server';

// jsdom brings its own FormData, Blob and File, which Node's fetch does not recognise: it would send
// a multipart body as the text "[object FormData]". The browser has one set; tests use Node's.
const NodeFormData = (await new Response(new URLSearchParams()).formData()).constructor as typeof FormData;
Object.assign(globalThis, { FormData: NodeFormData, Blob: NodeBlob, File: NodeFile });

document.documentElement.lang = 'en';

// Pages load lazily (their route's import()), and on a loaded 2-core CI machine the first load of a
// page can take more than Testing Library's default second: findBy* waits up to five.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  forgetChosenLanguage();
  await applyLocale('en');
});
afterAll(() => server.close());
