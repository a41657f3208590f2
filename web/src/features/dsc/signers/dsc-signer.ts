import type { ComponentType } from 'react';
import type { DscChallenge } from '@ecoo/shared/dsc/schemas';
import type { MessageKey } from '../../../lib/i18n';

/** What the BFF checks: a detached CMS signature over the challenge, and the certificate where the signature lacks it. */
export interface DscProof {
  signature: File;
  certificate?: File;
}

/**
 * The BFF refused one uploaded file as key material (a private key, a .pfx bundle): which field, and
 * the refusal itself, for the panel to clear that file and say why beside it. A new object per refusal.
 */
export interface FileRefusal {
  field: 'signature' | 'certificate';
  error: unknown;
}

export interface SignerPanelProps {
  challenge: DscChallenge;
  /** Hands the proof to the page, which registers it and shows the verdict. */
  onProof: (proof: DscProof) => void;
  /** While the page registers a proof. */
  busy: boolean;
  /** The last registration's refusal of one of the panel's files; the page shows every other verdict itself. */
  fileRefusal: FileRefusal | null;
}

/**
 * One way of signing the challenge. Today the officer signs outside the browser (OpenSSL, the demo
 * script) and uploads the .p7s; a browser-extension signer in the Web eID manner, which talks to the
 * token itself, is expected later. Each way only turns a challenge into a proof, so the page keeps
 * the challenge, the registration and its verdict, and a new way is one more entry in `dscSigners`.
 */
export interface DscSigner {
  id: string;
  label: MessageKey;
  Panel: ComponentType<SignerPanelProps>;
}
