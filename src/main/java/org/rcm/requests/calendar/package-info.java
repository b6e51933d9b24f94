/** Working days: weekends and each country's public holidays (the holiday file), and the engine's timers on them. */
package org.rcm.requests.calendar;
