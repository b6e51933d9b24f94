package org.rcm.requests.request;

/**
 * The request text as the Tasklist forms show it. The engine keeps a text variable up to 4,000 characters, so a longer
 * text is shown by its beginning and a line that points to the registry page, where it stands whole; the registry
 * (never the variable) is what is sent.
 */
public final class BodyPreview {

    /** Texts up to this length are shown whole. */
    static final int WHOLE_UP_TO = 3_500;
    private static final int HEAD = 3_000;
    private static final String MARK = "\n\n[…] ";
    private static final String REGISTRY_LINK = "in the registry: /registry/";

    private BodyPreview() {
    }

    public static String of(String reference, String body) {
        if (body.length() <= WHOLE_UP_TO) {
            return body;
        }
        return body.substring(0, HEAD) + MARK + "Texto completo (%,d caracteres) en el registro / Full text (%,d "
                .formatted(body.length(), body.length()) + "characters) " + REGISTRY_LINK + reference;
    }

    /**
     * What an officer's draft form gives back as the text: the stored text when the preview came back unchanged;
     * an edited preview would cut the text, and is refused (naming {@code field}).
     */
    public static String restore(String reference, String field, String submitted, String stored) {
        if (submitted == null || stored == null || stored.length() <= WHOLE_UP_TO) {
            return submitted;
        }
        String preview = of(reference, stored);
        if (submitted.strip().equals(preview.strip())) {
            return stored;
        }
        if (submitted.contains(REGISTRY_LINK + reference)) {
            throw new RequestValidationException(java.util.Map.of(field, "El formulario muestra solo el comienzo de "
                    + "este texto; reemplácelo entero o deje el resumen sin cambios / The form shows only the "
                    + "beginning of this text; replace it whole or leave the summary unchanged"));
        }
        return submitted;
    }
}
