import type { MatterSummary } from '../api/portalApi';
import { Link } from '../routing/Link';
import { MatterBadges } from './MatterBadges';

/** One matter in a result list: its name is the link to its guide. */
export function MatterCard({ matter }: { matter: MatterSummary }) {
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={`/matters/${matter.code}`}>{matter.name}</Link>
      </h3>
      <p className="card-meta">{matter.departmentName}</p>
      <MatterBadges projectType={matter.projectType} sceneVisits={matter.sceneVisits} />
    </li>
  );
}
