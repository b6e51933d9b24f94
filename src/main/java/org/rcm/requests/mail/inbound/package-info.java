/** Inbound email and link replies: store first, classify, strip quotes, correlate, or hand to triage. */
package org.rcm.requests.mail.inbound;
