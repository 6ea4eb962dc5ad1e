/**
 * The instant a civil date of the centre begins (00:00 in Asia/Shanghai, which has had no
 * daylight saving since 1991): when a timer for a rung reached on that day is due. A fixed offset,
 * so the answer is the same on a server in any time zone.
 */
export function dayStartsAt(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
