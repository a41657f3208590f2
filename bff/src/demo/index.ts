/** Demo data: what the start-up, the tests and the benchmarks may use. */
export { demoAccounts, seedDemoData } from './seed.ts';
export { makeAuthorisationLetterPdf } from './letter-pdf.ts';
