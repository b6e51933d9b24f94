package org.rcm.requests.request;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads recipient codes from what a form or a script submits: a list, a JSON array, or text such as
 * {@code "IOM, PAHO"}. Codes come out upper case, without duplicates, in the order given.
 */
public final class RecipientCodes {

    private RecipientCodes() {
    }

    public static List<String> parse(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> collection ? collection
                : Arrays.asList(value.toString().replaceAll("[\\[\\]\"]", " ").split("[,;\\s]+"));
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (Object item : items) {
            String code = String.valueOf(item).trim().toUpperCase(Locale.ROOT);
            if (!code.isEmpty()) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }
}
