/** The calendar's path, for the router and the navigation (kept apart so they do not load the page's code). */
export const CALENDAR_PATH = '/admin/calendar'
