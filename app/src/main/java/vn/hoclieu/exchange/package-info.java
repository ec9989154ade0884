/**
 * Offline exchange between learning centres: a collection or a whole library written as an exchange
 * package — one ZIP holding {@code manifest.json} ({@link vn.hoclieu.exchange.ExchangeManifest}) and the
 * files, named by their SHA-256 — to carry on a USB stick, and read back by any bulk import of another
 * instance. Exports go through the catalogue's visibility rule (only what the person asking may see, and
 * only published material, ever leaves); imports plug into ingest's bulk import as a {@code PackageImport},
 * so a package takes the same path as any ZIP: the import page, {@code POST /api/v1/imports}, the shell.
 */
package vn.hoclieu.exchange;
