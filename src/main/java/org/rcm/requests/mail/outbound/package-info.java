/** Outbound email: composing from templates, sending with a stable Message-ID, logging every message. */
package org.rcm.requests.mail.outbound;
