export { createAjv, toFieldIssues, escapePointer } from './createAjv';
export { metaSchemas, schemasDir, CURRENT_META_SCHEMA_VERSION, type MetaSchemas } from './metaSchemas';
export { migrateDocument, documentMigrations, DocumentMigrationError } from './documentMigrations';
export { labelOf, codeList } from './codeLabels';
