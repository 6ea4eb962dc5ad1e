export interface Department {
  code: string;
  name: string;
  shortName: string | null;
  region: string;
}
