/** Session lifetimes, handed to the identity module at composition (from the configuration). */
export interface SessionSettings {
  /** A session idle longer than this many minutes expires. */
  idleMinutes: number;
  /** No session lives longer than this many minutes, however busy. */
  absoluteMinutes: number;
}
