/** Drawers as wide as a form needs on a desktop, and no wider than a phone. */
export const DRAWER_SIZE = 'min(480px, 100vw)';
