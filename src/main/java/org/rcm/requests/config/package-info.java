/** Wiring: properties, deployment of {@code processes/}, the embedded mail server and the demo identity. */
package org.rcm.requests.config;
