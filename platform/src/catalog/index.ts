export { catalogRoutes } from './http/catalogRoutes';
export { exchangeRoutes } from './http/exchangeRoutes';
export { importCatalogFile, exportCatalog, catalogQuality } from './operations/exchangeOperations';
export { XLSX_MEDIA_TYPE } from './exchange';
export { listLatestDocuments } from './operations/listLatestDocuments';
export type { MatterVersion, MatterVersionHeader, MatterStatus, MatterDocument } from './MatterVersion';
export { MATTER_STATUSES, isFrozenVersion } from './MatterVersion';
export { createDraft } from './operations/createDraft';
export { updateDraft } from './operations/updateDraft';
export { transitionMatter, TRANSITION_ACTIONS, type TransitionRequest } from './operations/transitionMatter';
export { saveDraft } from './operations/saveDraft';
export {
  getCurrentMatter,
  getMatterVersion,
  getMatterVersions,
  getVersionInForce,
  documentAudience,
} from './operations/readMatters';
export { searchMatters, buildSearchQuery, type MatterSearch } from './operations/searchMatters';
export { diffVersions } from './operations/diffVersions';
export { getGuide } from './operations/getGuide';
export { buildGuide, type Guide } from './guide/buildGuide';
export { validateDocument } from './validateDocument';
export { checkStoredDocuments } from './checkStoredDocuments';
export { loadSeedCatalog } from './seed/loadSeedCatalog';
export { settleVersionStates } from './store/matterStore';
export { backfillNamePinyin } from './store/backfillNamePinyin';
export { namePinyin } from './store/namePinyin';
