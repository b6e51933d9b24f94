/*
 * Inter-agency Requests: Tasklist lists tasks by due date, soonest first, unless the user has chosen another order.
 * Tasklist takes the order from its address (sorting=…), not from the filter's query, and otherwise sorts by
 * creation, newest first; this sets the address's order once, before Tasklist reads it.
 */
const SORTING = 'sorting=' + encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));

if (!/[?&]sorting=/.test(window.location.hash)) {
  const hash = window.location.hash || '#/';
  const separator = hash.includes('?') ? '&' : (hash.endsWith('/') ? '?' : '/?');
  window.history.replaceState(null, '', window.location.pathname + window.location.search + hash + separator
      + SORTING);
}

export default [];
