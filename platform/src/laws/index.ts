export {
  buildLawRegister,
  resolveLaw,
  levelOf,
  lawLevelName,
  isRepealed,
  normaliseLawName,
  EMPTY_LAW_REGISTER,
  type LawRegister,
  type LawLevel,
} from './LawRegister';
export { loadLawRegister } from './loadLawRegister';
export { seedLaws } from './seedLaws';
export { checkLawEntry } from './checkLawEntry';
export { listLaws, getLaw, putLaw, type LawView, type LawSearch } from './lawOperations';
export { lawRoutes } from './lawRoutes';
