package org.rcm.requests.directory;

/**
 * An organization or a country that requests can be addressed to, with the contact that receives them.
 *
 * @param language the contact's preferred language, {@code es} or {@code en}
 */
public record Party(String code, Kind kind, String nameEs, String nameEn, boolean member,
                    String contactName, String email, String language) {

    public enum Kind { ORGANIZATION, COUNTRY }

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameEs;
    }
}
