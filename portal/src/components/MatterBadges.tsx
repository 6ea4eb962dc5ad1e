/** 即办件 / 承诺件 and 跑动次数, as the national portals show them on every matter. */
export function projectTypeLabel(projectType: string | null | undefined): string | undefined {
  if (projectType === '1') return '即办件';
  if (projectType === '2') return '承诺件';
  return undefined;
}

export function sceneVisitsLabel(visits: number | null | undefined): string | undefined {
  if (visits === null || visits === undefined) return undefined;
  if (visits === 0) return '零跑动';
  if (visits === 1) return '最多跑一次';
  return `跑动 ${visits} 次`;
}

export function MatterBadges({
  projectType,
  sceneVisits,
}: {
  projectType: string | null | undefined;
  sceneVisits: number | null | undefined;
}) {
  const type = projectTypeLabel(projectType);
  const visits = sceneVisitsLabel(sceneVisits);
  return (
    <ul className="badges" aria-label="办件特点">
      {type && <li className={`badge ${projectType === '1' ? 'badge-instant' : 'badge-promise'}`}>{type}</li>}
      {visits && <li className="badge badge-visits">{visits}</li>}
    </ul>
  );
}
