/**
 * Signs a DSC challenge with the demo officer's key from the demo certification authority, as a
 * token's signer would: npm run demo-sign -- [--out challenge.p7s] [--officer EMAIL] <challenge>
 * Writes a detached CMS signature (DER) over the challenge's exact bytes, to upload on
 * My Dashboard → Register Digital Signature Certificate. Demo data only: the demo CA is trusted
 * nowhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DscChallengeTextSchema } from '@ecoo/shared/dsc/schemas';
import { loadConfig } from '../src/config.ts';
import { demoHolderFiles, signAsDemoHolder } from '../src/dsc/index.ts';

const usage = 'usage: npm run demo-sign -- [--out FILE] [--officer EMAIL] <challenge>';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'challenge.p7s' }, officer: { type: 'string', default: 'officer.mumbai@eicindia.gov.in' } },
});
const challenge = DscChallengeTextSchema.safeParse(positionals[0] ?? '');
if (positionals.length !== 1 || !challenge.success) {
  console.error(`${usage}\nThe challenge is the text the console shows, starting with eCoO-DSC-challenge:`);
  process.exit(2);
}

const config = loadConfig(process.env);
if (!config.dsc.demoCaDir) {
  console.error('Demo data is off (DEMO_DATA=false or production): there is no demo certification authority to sign with.');
  process.exit(1);
}
const files = demoHolderFiles(config.dsc.demoCaDir, values.officer);
if (!fs.existsSync(files.key)) {
  console.error(
    `No demo key for ${values.officer} in ${config.dsc.demoCaDir}. Run this with the DATA_DIR the console was started with (DATA_DIR=/its/folder npm run demo-sign -- …); or start the console once with demo data (npm start) so it makes the demo CA.`,
  );
  process.exit(1);
}
const signature = await signAsDemoHolder(config.dsc.demoCaDir, values.officer, Buffer.from(challenge.data, 'ascii'));
// npm runs scripts from the project root; a relative --out is where the command was typed.
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
fs.writeFileSync(out, signature);
console.log(`Wrote ${out} (${signature.length} bytes): the demo DSC of ${values.officer} over the challenge. Upload it on Register Digital Signature Certificate.`);
