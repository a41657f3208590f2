import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * A detached CMS SignedData over `content`, with signed attributes and the signer's certificate:
 * what `openssl cms -sign -binary -md sha256 -outform DER` makes. Used by `npm run demo-sign` and
 * the benchmark; the console itself only verifies.
 */
export async function signDetached(content: Uint8Array, certificateDer: Uint8Array, privateKeyPkcs8: Uint8Array): Promise<Buffer> {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer).buffer);
  const algorithm = certificate.subjectPublicKeyInfo.algorithm.algorithmId === '1.2.840.10045.2.1' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await webcrypto.subtle.importKey('pkcs8', new Uint8Array(privateKeyPkcs8), algorithm, false, ['sign']);
  const digest = await webcrypto.subtle.digest('SHA-256', new Uint8Array(content));
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: pkijs.ContentInfo.DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: pkijs.ContentInfo.DATA })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      }),
    ],
    certificates: [certificate],
  });
  await signedData.sign(key as never, 0, 'SHA-256', new Uint8Array(content));
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}
