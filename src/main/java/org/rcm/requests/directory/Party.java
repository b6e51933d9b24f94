package org.rcm.requests.directory;

/**
 * An organization or a country that requests can be addressed to, with the contact that receives them.
 *
 * @param language  the contact's preferred language, {@code es} or {@code en}
 * @param articleEs the article the Spanish name takes in a sentence ({@code el}, {@code la}, {@code los},
 *                  {@code las}), or null; {@code articleEn} likewise ({@code the})
 * @param calendarCountry the country whose working days count for the party's due dates: a country's own, an
 *                  organization's office's; null when the directory names none
 */
public record Party(String code, Kind kind, String nameEs, String nameEn, boolean member,
                    String contactName, String email, String language, String articleEs, String articleEn,
                    String calendarCountry) {

    public enum Kind { ORGANIZATION, COUNTRY }

    /** A party whose calendar the directory does not name. */
    public Party(String code, Kind kind, String nameEs, String nameEn, boolean member, String contactName,
                 String email, String language, String articleEs, String articleEn) {
        this(code, kind, nameEs, nameEn, member, contactName, email, language, articleEs, articleEn, null);
    }

    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameEs;
    }

    /**
     * The name as a sentence names it: "la Organización Panamericana de la Salud (OPS)", "the International
     * Organization for Migration (IOM)", "El Salvador", "Honduras".
     */
    public String nameWithArticle(String lang) {
        String article = article(lang);
        return article == null ? name(lang) : article + " " + name(lang);
    }

    /**
     * The name after a preposition: "a la Organización…", "to the International…"; Spanish "a" and "de" contract with
     * the article "el" ("al Comité Internacional de la Cruz Roja (CICR)", "del Alto Comisionado…"), but not with an
     * article that is part of the name ("a El Salvador").
     */
    public String after(String preposition, String lang) {
        boolean contracts = preposition.equals("a") || preposition.equals("de");
        if (!"en".equals(lang) && contracts && "el".equals(article(lang))) {
            return preposition + "l " + name(lang);
        }
        return preposition + " " + nameWithArticle(lang);
    }

    private String article(String lang) {
        String article = "en".equals(lang) ? articleEn : articleEs;
        return article == null || article.isBlank() ? null : article;
    }
}
