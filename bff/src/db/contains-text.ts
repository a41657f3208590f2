import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * Any of `columns` contains `text` as typed: % and _ match themselves, not any character. SQLite's
 * LIKE ignores the case of ASCII letters (PostgreSQL will need ILIKE here).
 */
export function containsText<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: readonly string[], text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return eb.or(columns.map((column) => sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`));
}
