import { http, HttpResponse } from 'msw';
import {
  AgencyReadinessSchema,
  MyReadinessQuerySchema,
  MyReadinessSchema,
  ReadinessListQuerySchema,
  ReadinessListSchema,
  ReadinessRowSchema,
  type ReadinessGapFilter,
  type ReadinessRow,
} from '@ecoo/shared/readiness/schemas';
import { problemResponse } from '../problem-response';
import { eiaMumbai, mpeda } from './agencies';
import { kochiOffice, mumbaiOffice } from './offices';

/** EIA Mumbai: one officer request waiting, Priya Nair's DSC expiring (as the DSC fixtures say). */
export const mumbaiReadiness = AgencyReadinessSchema.parse({ id: eiaMumbai.id, name: eiaMumbai.name, pendingOfficerRequests: 1, expiringDscs: 1 });
const officeRef = (office: typeof mumbaiOffice) => ({ id: office.id, code: office.code, name: office.name, city: office.city });

/** Mumbai Head Office is ready; Kochi lacks its Checksum key and stamp, and its officer has a signature but no DSC. */
export const readinessRows: ReadinessRow[] = [
  {
    agency: mumbaiReadiness,
    office: officeRef(mumbaiOffice),
    isPaymentParamsSet: true,
    isEWalletEnabled: true,
    isStampAccepted: true,
    officers: { mapped: 2, withSignature: 1, withDsc: 1, ready: 1 },
    gaps: [],
  },
  {
    agency: mumbaiReadiness,
    office: officeRef(kochiOffice),
    isPaymentParamsSet: false,
    isEWalletEnabled: false,
    isStampAccepted: false,
    officers: { mapped: 1, withSignature: 1, withDsc: 0, ready: 0 },
    gaps: ['payment-parameters', 'stamp', 'dsc'],
  },
  {
    agency: { id: mpeda.id, name: mpeda.name, pendingOfficerRequests: 0, expiringDscs: 0 },
    office: null,
    isPaymentParamsSet: false,
    isEWalletEnabled: false,
    isStampAccepted: false,
    officers: { mapped: 0, withSignature: 0, withDsc: 0, ready: 0 },
    gaps: ['office'],
  },
].map((row) => ReadinessRowSchema.parse(row));

/** The gap filter as the BFF applies it (tested there), so the page's filter shows different rows. */
const matches = (row: ReadinessRow, gap: ReadinessGapFilter) => gap === 'all' || (gap === 'any' ? row.gaps.length > 0 : gap === 'none' ? row.gaps.length === 0 : row.gaps.includes(gap));
const summaryOf = (rows: readonly ReadinessRow[]) => ({ offices: rows.filter((row) => row.office).length, readyOffices: rows.filter((row) => row.office && row.gaps.length === 0).length });

export const readinessHandlers = [
  http.get('/api/readiness', ({ request }) => {
    const query = MyReadinessQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    const own = readinessRows.filter((row) => row.agency.id === eiaMumbai.id);
    const items = own.filter((row) => matches(row, query.data.gap)).flatMap(({ agency: _agency, office, ...rest }) => (office ? [{ ...rest, office }] : []));
    return HttpResponse.json(MyReadinessSchema.parse({ agency: mumbaiReadiness, items, summary: summaryOf(own), total: items.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
  http.get('/api/readiness/offices', ({ request }) => {
    const query = ReadinessListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return problemResponse(400, 'problem.badRequest');
    const agencyRows = readinessRows.filter((row) => !query.data.agencyId || row.agency.id === query.data.agencyId);
    const items = agencyRows.filter((row) => matches(row, query.data.gap));
    return HttpResponse.json(ReadinessListSchema.parse({ items, summary: summaryOf(agencyRows), total: items.length, page: query.data.page, pageSize: query.data.pageSize }));
  }),
];
