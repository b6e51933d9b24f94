/** The Secretariat's pages: the registry, a request's timeline, statistics, exports. */
package org.rcm.requests.registry;
