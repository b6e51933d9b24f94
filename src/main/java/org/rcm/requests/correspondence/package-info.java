/** The correspondence log: every message out and in, with its Message-ID, for every request. */
package org.rcm.requests.correspondence;
