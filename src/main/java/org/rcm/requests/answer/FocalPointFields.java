package org.rcm.requests.answer;

import org.rcm.requests.directory.FocalPoints;

/**
 * The keys of {@code Form_Reply_focal_points.form} that the directory takes: a field renamed in the form must be
 * renamed here too.
 */
final class FocalPointFields {

    static final String NAME = "focalName";
    static final String POSITION = "focalPosition";
    static final String INSTITUTION = "focalInstitution";
    static final String EMAIL = "focalEmail";
    static final String PHONE = "focalPhone";
    static final String LANGUAGE = "focalLanguage";
    static final String TOPIC = "focalTopic";
    /** The topic of a nomination that names none, in a request that names none. */
    static final String GENERAL = "general";

    private FocalPointFields() {
    }

    /** The nomination an accepted answer makes. */
    static FocalPoints.Nomination nomination(Answer answer, String country, String defaultLanguage,
                                             Answers.Stored accepted, String messageId) {
        String topic = answer.field(TOPIC) == null ? GENERAL : answer.field(TOPIC).toLowerCase(java.util.Locale.ROOT);
        String language = answer.field(LANGUAGE) == null ? defaultLanguage : answer.field(LANGUAGE);
        return new FocalPoints.Nomination(country, topic, answer.field(NAME), answer.field(POSITION),
                answer.field(INSTITUTION), answer.field(EMAIL), answer.field(PHONE), language, accepted.reference(),
                accepted.correspondenceId(), messageId, accepted.id(), accepted.acceptedBy());
    }
}
