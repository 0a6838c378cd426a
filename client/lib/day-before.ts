/** The calendar day before an ISO instant's date (YYYY-MM-DD): the default due date of a decided action. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
