/**
 * A prepared database (a PGlite data-directory tarball) that new embedded databases start from
 * instead of an empty cluster: in memory, or in a data directory that holds no database yet. Tests
 * set it, so initdb, migrations and seeding run once per test run while each test file still gets a
 * private database on which the server runs its normal start-up. Nothing sets it in production.
 */
let image: Blob | undefined;

export function setDatabaseImage(next: Blob | undefined): void {
  image = next;
}

export function databaseImage(): Blob | undefined {
  return image;
}
