import type { AgencyInput } from '@ecoo/shared/agencies/schemas';

/**
 * Demo register of issuing agencies, after the agencies named in DGFT notices. The domains are
 * plausible, not DGFT's records: every row is stored marked as demo data.
 */
export const demoAgencies: AgencyInput[] = [
  ...['Mumbai', 'Kolkata', 'Kochi', 'Chennai', 'Delhi'].map((city) => ({
    code: `eia-${city.toLowerCase()}`,
    name: `Export Inspection Agency, ${city} (Export Inspection Council)`,
    certifies: 'All products',
    emailDomains: ['eicindia.gov.in'],
  })),
  { code: 'eic', name: 'Export Inspection Council of India', certifies: 'All products', emailDomains: ['eicindia.gov.in'] },
  { code: 'mpeda', name: 'Marine Products Export Development Authority (MPEDA)', certifies: 'Marine products', emailDomains: ['mpeda.gov.in'] },
  { code: 'textiles-committee', name: 'Textiles Committee', certifies: 'Textiles and clothing', emailDomains: ['textilescommittee.gov.in', 'texcom.gov.in'] },
  { code: 'spices-board', name: 'Spices Board India', certifies: 'Spices and spice products', emailDomains: ['indianspices.com', 'spicesboard.gov.in'] },
  { code: 'coir-board', name: 'Coir Board', certifies: 'Coir and coir products', emailDomains: ['coirboard.gov.in'] },
  { code: 'central-silk-board', name: 'Central Silk Board', certifies: 'Silk and silk products', emailDomains: ['csb.gov.in'] },
  { code: 'dc-handicrafts', name: 'Development Commissioner (Handicrafts)', certifies: 'Handicrafts', emailDomains: ['handicrafts.nic.in'] },
  { code: 'tobacco-board', name: 'Tobacco Board', certifies: 'Tobacco and tobacco products', emailDomains: ['tobaccoboard.com'] },
  { code: 'apeda', name: 'Agricultural and Processed Food Products Export Development Authority (APEDA)', certifies: 'Agricultural and processed food products', emailDomains: ['apeda.gov.in'] },
  { code: 'fieo', name: 'Federation of Indian Export Organisations (FIEO)', certifies: 'All products (non-preferential and notified agreements)', emailDomains: ['fieo.org'] },
  { code: 'ficci', name: 'Federation of Indian Chambers of Commerce and Industry (FICCI)', certifies: 'All products (notified agreements)', emailDomains: ['ficci.com'] },
  { code: 'bcci-kolkata', name: 'Bengal Chamber of Commerce and Industry', certifies: 'All products (notified agreements)', emailDomains: ['bengalchamber.com'] },
];
