/** Email, out and in: the Secretariat mailbox's settings shared by both directions. */
package org.rcm.requests.mail;
