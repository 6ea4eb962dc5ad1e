import { Typography } from 'antd';
import { describeDate, monthWeeks, type Marks } from './calendarMarks';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

function dayClass(date: string, marks: Marks, region: string): string {
  const mark = marks.get(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const classes = ['calendar-day'];
  if (weekday === 0 || weekday === 6) classes.push('calendar-day-weekend');
  if (mark) classes.push(mark.kind === 'holiday' ? 'calendar-day-holiday' : 'calendar-day-makeup');
  if (mark && mark.region !== region) classes.push('calendar-day-inherited');
  return classes.join(' ');
}

/**
 * Twelve small months; every day is a button (Tab and Enter work), named in full for a screen
 * reader, so marking days does not need a mouse.
 */
export function YearGrid({
  year,
  marks,
  region,
  onDay,
}: {
  year: number;
  marks: Marks;
  region: string;
  onDay: (date: string) => void;
}) {
  return (
    <div className="calendar-year">
      {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
        <section key={month} className="calendar-month" aria-label={`${year}年${month}月`}>
          <Typography.Title level={2} className="calendar-month-title">
            {month}月
          </Typography.Title>
          <div className="calendar-grid" aria-hidden>
            {WEEK_HEAD.map((day) => (
              <span key={day} className="calendar-weekday">
                {day}
              </span>
            ))}
          </div>
          <div className="calendar-grid">
            {monthWeeks(year, month)
              .flat()
              .map((date, index) =>
                date ? (
                  <button
                    key={date}
                    type="button"
                    className={dayClass(date, marks, region)}
                    aria-label={describeDate(date, marks.get(date), region)}
                    title={describeDate(date, marks.get(date), region)}
                    onClick={() => onDay(date)}
                  >
                    {Number(date.slice(8))}
                  </button>
                ) : (
                  <span key={`blank-${index}`} />
                ),
              )}
          </div>
        </section>
      ))}
    </div>
  );
}
