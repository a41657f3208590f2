import * as x509 from '@peculiar/x509';
import { dscRefusal } from './refusal.ts';
import type { TrustMaterial } from './trust-store.ts';

const maxDepth = 6;

const isValidAt = (certificate: x509.X509Certificate, at: Date) => certificate.notBefore <= at && at <= certificate.notAfter;

async function isSignedBy(certificate: x509.X509Certificate | x509.X509Crl, issuer: x509.X509Certificate): Promise<boolean> {
  try {
    return await certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true } as never);
  } catch {
    return false;
  }
}

/**
 * A CA certificate may issue this link: basicConstraints cA, keyCertSign where key usage is given,
 * and a path length limit, where it sets one, that the CAs already below it keep within.
 */
function mayIssue(certificate: x509.X509Certificate, casBelow: number): boolean {
  const constraints = certificate.getExtension(x509.BasicConstraintsExtension);
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  const withinPathLength = constraints?.pathLength === undefined || casBelow <= constraints.pathLength;
  return !!constraints?.ca && withinPathLength && (!usage || (usage.usages & x509.KeyUsageFlags.keyCertSign) !== 0);
}

const anyPolicy = '2.5.29.32.0';

/**
 * A CCA-licensed CA lists the classes it may issue in its certificate's policies; a CA that lists
 * policies but none of the DSC's accepted ones (nor anyPolicy) may not have issued it.
 */
export function refuseUnlicensedIssuers(path: CertificationPath, acceptedPolicies: readonly string[]): void {
  for (const issuer of path.certificates.slice(1, -1)) {
    const extension = issuer.getExtension(x509.CertificatePolicyExtension);
    if (!extension) continue;
    if (extension.policies.includes(anyPolicy) || extension.policies.some((oid) => acceptedPolicies.includes(oid))) continue;
    throw dscRefusal('issuerPolicy', { issuer: issuer.subject, policies: extension.policies.join(', ') || '—' });
  }
}

export interface CertificationPath {
  /** Leaf first, trusted root last. */
  certificates: x509.X509Certificate[];
  root: x509.X509Certificate;
}

/**
 * Builds the path from the DSC to a trusted root. Each link is proven by the issuer's signature,
 * never by a matching name: a look-alike root with the trusted root's name issues nothing here.
 * Names only order the candidates, so the usual case costs one verification per link. Only a path
 * that ends at a trusted root is then judged link by link (dates, CA, path length), so a refusal
 * names a CA of that path, not some stranger the signature carried.
 */
export async function buildCertificationPath(leaf: x509.X509Certificate, pool: readonly x509.X509Certificate[], trust: TrustMaterial, at: Date): Promise<CertificationPath> {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < maxDepth; depth++) {
    const byName = <T extends x509.X509Certificate>(list: readonly T[]) => [...list].sort((a, b) => Number(b.subject === current.issuer) - Number(a.subject === current.issuer));
    for (const root of byName(trust.roots)) {
      if (!(await isSignedBy(current, root))) continue;
      const certificates = [...path, root];
      refuseUnfitIssuers(certificates, at);
      return { certificates, root };
    }
    const seen = new Set(path.map((certificate) => Buffer.from(certificate.rawData).toString('hex')));
    const intermediates = [...pool, ...trust.intermediates].filter((candidate) => !seen.has(Buffer.from(candidate.rawData).toString('hex')));
    let issuer: x509.X509Certificate | undefined;
    for (const candidate of byName(intermediates)) {
      if (await isSignedBy(current, candidate)) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) throw dscRefusal('untrustedChain', { issuer: current.issuer });
    path.push(issuer);
    current = issuer;
  }
  throw dscRefusal('untrustedChain', { issuer: current.issuer });
}

/** Every CA of a path (leaf first, root last) valid now and allowed to issue what lies below it. */
function refuseUnfitIssuers(certificates: readonly x509.X509Certificate[], at: Date): void {
  for (let i = 1; i < certificates.length; i++) {
    const issuer = certificates[i]!;
    if (!isValidAt(issuer, at) || !mayIssue(issuer, i - 1)) throw dscRefusal('issuerNotValid', { issuer: issuer.subject });
  }
}

/**
 * Refuses a certificate on the path that a configured CRL lists. A CRL counts only when its
 * issuer's key signed it, so a forged or stray CRL file can neither revoke nor clear anyone.
 */
export async function refuseRevoked(path: CertificationPath, crls: readonly x509.X509Crl[]): Promise<void> {
  for (let i = 0; i < path.certificates.length - 1; i++) {
    const certificate = path.certificates[i]!;
    const issuer = path.certificates[i + 1]!;
    for (const crl of crls) {
      const entry = crl.findRevoked(certificate);
      if (!entry) continue;
      if (!(await isSignedBy(crl, issuer))) continue;
      throw dscRefusal('revoked', { revokedAt: entry.revocationDate.toISOString().slice(0, 10) });
    }
  }
}
