export { checkCatalogQuality, matterQualityErrors, qualitySeverity, type QualityReport } from './checkCatalogQuality';
export { qualityRules } from './qualityRules';
export { runQualityReport } from './runQualityReport';
export { assertQualityAccepted, type OfferedRisk } from './assertQualityAccepted';
export { loadQualityContext, calendarOf, type CatalogSettings } from './loadQualityContext';
export { listSlimCatalog, CATALOG_RULE_FIELDS } from './catalogFields';
export { listAcceptedRisks, saveAcceptedRisks, riskKey, type StoredRisk } from './acceptedRiskStore';
export type {
  AcceptedRisk,
  QualityContext,
  QualityFinding,
  QualityInput,
  QualityMatter,
  QualityRule,
  QualitySeverity,
} from './QualityRule';
