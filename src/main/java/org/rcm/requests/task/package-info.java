/** What a task user may submit: only the fields of the task's form, checked before the engine takes them. */
package org.rcm.requests.task;
