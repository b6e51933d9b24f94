/** What every page the application serves shares: the session's protection against cross-site request forgery. */
package org.rcm.requests.web;
