import type { DscSigner } from './dsc-signer';
import { fileSigner } from './file-signer';

/** The ways of signing, the default first. The page renders the first; a choice between them comes with the second. */
export const dscSigners: readonly [DscSigner, ...DscSigner[]] = [fileSigner];
