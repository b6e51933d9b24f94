/** What operators watch: the domain's meters (Prometheus), from the registry, the inbox and the engine. */
package org.rcm.requests.operations;
