package org.rcm.requests.mail.inbound;

/** A message was stored in the inbox and is due: the event that lets the background work start on it at once. */
record InboxMessageStored(long id) {
}
