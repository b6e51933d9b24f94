/**
 * The gate (Spring Security): who may reach which path, how users log in (form, HTTP Basic, OpenID Connect), how
 * failed logins are throttled, and how the authenticated user reaches the Camunda webapps and REST API.
 */
package org.rcm.requests.security;
