import { type Kysely } from 'kysely';

/**
 * Specimen certificates (issue 16): an administrator asks for one for an office and an officer; a
 * background job draws the PDF with the stamp and signature versions that were in use when it was
 * asked, stores it by its SHA-256, and marks the row done with the register link its QR carries. The versions are kept on the row, so a
 * specimen made before a stamp was replaced still shows, and says, which stamp it carried.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('specimen_certificates')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('stamp_version_id', 'text', (c) => c.notNull().references('image_versions.id'))
    .addColumn('signature_version_id', 'text', (c) => c.notNull().references('image_versions.id'))
    .addColumn('specimen_date', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('failure_reason', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('pdf_sha256', 'text')
    .addColumn('pdf_size', 'integer')
    // Which link's token the QR carries: the list says when that link was revoked and the QR opens nothing.
    .addColumn('register_link_id', 'text', (c) => c.references('specimen_register_links.id'))
    // Fields the standard fonts could not print as written, so the list can say which.
    .addColumn('unprintable_fields', 'text')
    .execute();
  await db.schema.createIndex('specimen_certificates_by_agency').ifNotExists().on('specimen_certificates').columns(['agency_id', 'requested_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('specimen_certificates').ifExists().execute();
}
