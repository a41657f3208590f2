import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { DSC_CHALLENGE_PREFIX } from '@ecoo/shared/dsc/schemas';
import { ensureDemoCa, signAsDemoHolder, TrustStore, verifyDscProof } from '../src/dsc/index.ts';

/**
 * One DSC verification, in process: parse the .p7s and certificate, the checks of validity, usage
 * and policy, the chain to the root by signature, the CRL look-up and the CMS signature, as the
 * registration endpoint runs it (RSA-2048 keys, as the demo CA makes them).
 */
export async function benchDscVerification(rounds = 500): Promise<void> {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoo-bench-dsc-')), 'demo-pki');
  const holder = { email: 'bench@example.gov.in', name: 'Bench Officer' };
  await ensureDemoCa(dir, [holder]);
  const trust = new TrustStore({ trustRootsDir: null, intermediatesDir: null, crlDir: null, acceptClass2: false, acceptDocumentSigner: false, demoCaDir: dir }, pino({ level: 'silent' }));
  const policy = { acceptClass2: false, acceptDocumentSigner: false };
  const proofs = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const challenge = DSC_CHALLENGE_PREFIX + Buffer.alloc(32, i).toString('base64url');
      return { challenge, signature: await signAsDemoHolder(dir, holder.email, Buffer.from(challenge, 'ascii')) };
    }),
  );
  for (const proof of proofs) await verifyDscProof(proof, trust.current(), policy, new Date());
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await verifyDscProof(proofs[i % proofs.length]!, trust.current(), policy, new Date());
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`\n5. DSC registration: one verification of a detached CMS proof (RSA-2048, root → leaf, trust folder read check included), ${rounds} in a row after 20 warm-up`);
  console.log(`   median ${at(0.5)} ms, p99 ${at(0.99)} ms, slowest ${times.at(-1)!.toFixed(2)} ms`);
  // What an attacker can make the BFF parse: 32,000 nested indefinite-length SEQUENCEs (64 KB, the upload limit).
  const hostile = Buffer.alloc(64_000, Buffer.from([0x30, 0x80]));
  const refusals: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await verifyDscProof({ challenge: proofs[0]!.challenge, signature: hostile }, trust.current(), policy, new Date()).catch(() => undefined);
    refusals.push(performance.now() - started);
  }
  refusals.sort((a, b) => a - b);
  console.log(`   a hostile 64 KB .p7s (32,000 nested SEQUENCEs) refused in median ${refusals[10]!.toFixed(1)} ms, slowest ${refusals.at(-1)!.toFixed(1)} ms`);
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}
