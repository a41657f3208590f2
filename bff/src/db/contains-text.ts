import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * Any of `columns` contains `text` as typed, ignoring the case of letters: % and _ match
 * themselves, not any character. lower() on both sides, because SQLite's LIKE ignores ASCII case
 * and PostgreSQL's does not; written once, it answers alike on both.
 */
export function containsText<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, columns: readonly string[], text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return eb.or(columns.map((column) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`));
}
