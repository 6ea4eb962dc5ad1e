/** The signed-in staff member, as `GET /api/session` describes them. */
export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  departmentName: string | null;
}

export type SessionState =
  { status: 'loading' } | { status: 'signedOut'; hasExpired: boolean } | { status: 'signedIn'; user: StaffUser };
