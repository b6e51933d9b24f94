package org.rcm.requests.request;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request's topic: a short code ({@code smuggling}, {@code statistics}), the same in both languages, by which focal
 * points are named per country. Written in lower case; blank is no topic.
 */
public final class RequestTopics {

    public static final int MAX_LENGTH = 60;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private RequestTopics() {
    }

    /** Why a topic is refused, in Spanish and in English. */
    public static String problem(String topic) {
        return problemEs(topic) + " / " + problemEn(topic);
    }

    public static String problemEs(String topic) {
        return "tema no válido " + topic + ": un código de hasta " + MAX_LENGTH + " letras sin tilde, cifras, - o _ "
                + "(por ejemplo smuggling)";
    }

    public static String problemEn(String topic) {
        return "invalid topic " + topic + ": a code of up to " + MAX_LENGTH + " letters without accents, digits, - or _ "
                + "(for example smuggling)";
    }

    /** The topic trimmed and in lower case; null when blank. */
    public static String normalize(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        return topic.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a normalized topic is a code of plain letters, digits, hyphens and underscores. */
    public static boolean valid(String topic) {
        return topic != null && CODE.matcher(topic).matches();
    }
}
