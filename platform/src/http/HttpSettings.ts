/** What the web face needs from the configuration, handed over at composition. */
export interface HttpSettings {
  /** JSON body limit in bytes (decoded). */
  bodyLimitBytes: number;
  /** Secure cookies (production, behind TLS). */
  isSecureCookies: boolean;
  /** express `trust proxy`: false unless a proxy is configured (TRUST_PROXY). */
  trustProxy: boolean | string | string[] | number;
}
