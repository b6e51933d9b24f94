/** The personal reply link: signed tokens and the public page where a recipient answers without an account. */
package org.rcm.requests.reply;
