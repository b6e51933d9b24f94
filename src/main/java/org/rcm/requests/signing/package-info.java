/** The application's one HMAC key: it signs reply links and the correlation keys of outgoing mail. */
package org.rcm.requests.signing;
