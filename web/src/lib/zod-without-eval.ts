import { z } from 'zod';

// zod 4 probes for eval (`new Function`) once, to compile fast object parsers; the console's CSP
// refuses it, and Chromium logs the refusal as an issue (Lighthouse best practices). Parsing without
// it is fast enough for our answers. This module is imported first, before any schema is built.
z.config({ jitless: true });
