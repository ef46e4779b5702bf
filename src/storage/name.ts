/** The database's name (a module of its own, so naming it does not load Dexie). */
export const DEFAULT_DB_NAME = 'stavraton'
