package org.rcm.requests.task;

import java.util.Set;

/**
 * One field of a Camunda Form: its variable name, its type, whether the user may edit it (a disabled or read-only
 * field only shows a value), the values a select or radio offers (empty: any), and its maximum length (0: none).
 */
record FormField(String key, String type, boolean editable, Set<String> options, int maxLength) {
}
