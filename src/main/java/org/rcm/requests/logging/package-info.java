/** The log context (MDC) that the application's log lines carry: the request's reference, a message's Message-ID. */
package org.rcm.requests.logging;
