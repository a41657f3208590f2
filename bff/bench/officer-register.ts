import type { Db } from '../src/db/connect.ts';
import { nowIso } from '../src/db/connect.ts';
import { addOfficerAccount } from '../src/officers/index.ts';
import { seededRandom } from './pending-registrations.ts';

const firstNames = ['Abhishek', 'Bhavna', 'Chetan', 'Divya', 'Eknath', 'Gayatri', 'Hemant', 'Indira', 'Jagdish', 'Kiran', 'Lata', 'Mahesh', 'Neha', 'Omkar', 'Prakash', 'Rekha', 'Sunil', 'Trupti', 'Umesh', 'Vaishali'];
const surnames = ['Apte', 'Bhosale', 'Chavan', 'Deshpande', 'Gaikwad', 'Jadhav', 'Kale', 'More', 'Naik', 'Pawar', 'Salunkhe', 'Shinde', 'Thakur', 'Wagh'];
const designations = ['Deputy Director', 'Assistant Director', 'Technical Officer', 'Senior Technical Officer', 'Joint Director'];

/**
 * Tops the agency up to `total` officers (in one transaction, the same rows every run): most active
 * and mapped to one or two of the agency's offices, some pending or deactivated, as a large agency's
 * User Management would hold.
 */
export async function fillOfficers(db: Db, agencyId: string, total: number): Promise<{ officers: number; inserted: number }> {
  const count = async () => Number((await db.selectFrom('officers').select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow()).n);
  const existing = await count();
  const offices = (await db.selectFrom('offices').select('id').where('agency_id', '=', agencyId).where('is_active', '=', 1).execute()).map((row) => row.id);
  const random = seededRandom(23_2025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const at = nowIso();
  const toInsert = Math.max(0, total - existing);
  await db.transaction().execute(async (trx) => {
    for (let index = 0; index < toInsert; index += 1) {
      const [first, last] = [pick(firstNames), pick(surnames)];
      const status = random() < 0.9 ? 'active' : 'pending';
      const officeIds = [...new Set([pick(offices), ...(random() < 0.3 ? [pick(offices)] : [])])];
      const id = await addOfficerAccount(trx, {
        agencyId,
        name: `${first} ${last}`,
        email: `${first.toLowerCase()}.${last.toLowerCase()}.${index + 1}@eicindia.gov.in`,
        mobile: `9${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
        designation: pick(designations),
        officeIds,
        status,
        passwordHash: null,
        at,
      });
      // A few have left: deactivated, as User Management shows them (no revocation rows are needed for the list).
      if (status === 'active' && random() < 0.05) await trx.updateTable('users').set({ status: 'disabled' }).where('id', '=', id).execute();
    }
  });
  return { officers: await count(), inserted: toInsert };
}
