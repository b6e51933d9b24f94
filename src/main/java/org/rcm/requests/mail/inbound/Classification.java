package org.rcm.requests.mail.inbound;

/** What an inbound message is. */
public enum Classification { HUMAN_REPLY, AUTO_REPLY, BOUNCE }
