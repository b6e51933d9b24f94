package org.rcm.requests.registry;

import java.time.LocalDate;

/** Which sendings the statistics count: sent from/to (inclusive days, either open) and of one meeting (or all). */
record StatisticsFilter(LocalDate sentFrom, LocalDate sentTo, String meetingId) {
}
