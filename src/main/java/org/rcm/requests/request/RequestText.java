package org.rcm.requests.request;

import java.util.List;

/** A request's subject and body in one working language ({@code es} or {@code en}). */
public record RequestText(String language, String subject, String body) {

    /** The Conference's working languages. */
    public static final List<String> LANGUAGES = List.of("es", "en");

    /**
     * What a reader of {@code language} gets of a request's texts (its own language's first, as the registry gives
     * them): the text in that language, else the request's own.
     */
    public static RequestText choose(List<RequestText> texts, String language) {
        return texts.stream().filter(text -> text.language().equals(language)).findFirst().orElse(texts.get(0));
    }
}
