/**
 * What boxes 1–3 and 5–11 say on every specimen: plainly invented parties and goods, so the
 * specimen shows where a certificate's details go and can never pass for one that was issued.
 */
export const specimenGoods = {
  exporter: 'SPECIMEN EXPORTS PVT LTD (fictitious)\nPlot 0, Example Industrial Estate\nSample Nagar 000000, INDIA',
  consignee: 'SAMPLE IMPORTS LTD (fictitious)\n1 Example Street\nSpecimen City, PARTNER COUNTRY',
  transport: 'By sea from Nhava Sheva (INNSA) to Port Example.\nVessel: SPECIMEN VOYAGER (fictitious), voyage 000.',
  items: [
    { number: '1', marks: 'SPEC/001-010', description: 'Ten (10) cartons of cotton T-shirts, HS 6109.10 (specimen goods, not shipped)', criterion: 'WO', quantity: '250 kg gross\nUSD 0.00 FOB', invoice: 'SPEC-INV-0001' },
    { number: '2', marks: 'SPEC/011-015', description: 'Five (5) cartons of cotton bed linen, HS 6302.31 (specimen goods, not shipped)', criterion: 'CTH', quantity: '120 kg gross\nUSD 0.00 FOB', invoice: 'SPEC-INV-0001' },
  ],
  declarationPlace: 'Sample Nagar',
} as const;
