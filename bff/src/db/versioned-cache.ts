import { counterTable, shardPrefix } from './change-counters.ts';
import type { Db } from './connect.ts';
import { precompile } from './precompiled.ts';

interface Entry<V> {
  versions: string;
  value: V;
}

/**
 * Caches values computed from tables, keyed by what was asked, and valid while the tables'
 * change counters (raised by triggers, see the change-counters migration) stand where they stood
 * when the value was computed. The counters are read before computing, so a write that lands
 * during the computation makes the entry stale at once rather than hiding.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly readCounters: () => Promise<Array<{ name: string; version: number }>>;

  constructor(
    db: Db,
    tables: readonly string[],
    private readonly maxEntries = 200,
  ) {
    this.readCounters = precompile(
      db,
      () =>
        db
          .selectFrom('change_counters')
          .select(['name', 'version'])
          .where((eb) => eb.or([eb('name', 'in', tables), ...tables.map((table) => eb(eb.fn<string>('substr', ['name', eb.val(1), eb.val(shardPrefix(table).length)]), '=', shardPrefix(table)))])),
      0,
    );
  }

  async get(key: string, compute: () => Promise<V>): Promise<V> {
    const versions = await this.readVersions();
    const hit = this.entries.get(key);
    if (hit && hit.versions === versions) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    this.entries.delete(key);
    this.entries.set(key, { versions, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Each table's version is the sum of its counter rows (one on SQLite, one per connection on PostgreSQL). */
  private async readVersions(): Promise<string> {
    const versions = new Map<string, number>();
    for (const row of await this.readCounters()) {
      const table = counterTable(row.name);
      versions.set(table, (versions.get(table) ?? 0) + row.version);
    }
    return [...versions].sort(([a], [b]) => (a < b ? -1 : 1)).map(([table, version]) => `${table}:${version}`).join('|');
  }
}
