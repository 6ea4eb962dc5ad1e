export { checkCatalogQuality, type QualityReport } from './checkCatalogQuality';
export { qualityRules } from './qualityRules';
export type { QualityFinding, QualityInput, QualityMatter, QualityRule, QualitySeverity } from './QualityRule';
