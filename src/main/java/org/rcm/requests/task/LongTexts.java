package org.rcm.requests.task;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A submitted text longer than the engine's text variables hold: the field's variable gets its beginning, and the
 * whole text travels beside it as a transient variable (never stored by the engine) for the listeners of the same
 * submission to take into the registry.
 */
public final class LongTexts {

    private static final String WHOLE = "Whole";
    private static final int KEPT = SubmissionCheck.ENGINE_TEXT_LIMIT - 100;

    private LongTexts() {
    }

    /** The name of the transient variable that carries a long field's whole text. */
    static String wholeName(String field) {
        return field + WHOLE;
    }

    /** What the field's own variable keeps of a long text. */
    static String beginning(String text) {
        return text.substring(0, KEPT) + " […]";
    }

    /** The text a submission gave for a field: whole, even where the engine's variable holds only its beginning. */
    public static String read(VariableScope scope, String field) {
        Object value = scope.hasVariable(wholeName(field)) ? scope.getVariable(wholeName(field))
                : scope.getVariable(field);
        return value == null ? null : value.toString();
    }
}
