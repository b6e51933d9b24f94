package org.rcm.requests.mail.inbound;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines with which mail clients introduce a quoted original, in Spanish, English and the languages that show up in
 * the corpus (French, German, Portuguese, Russian). Kept apart from the extraction algorithm so the list can grow
 * without touching it.
 */
final class QuoteMarkers {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String VERBS = "(?:wrote|writes|escribió|escribio|ha escrito|a écrit|a ecrit|schrieb|escreveu|"
            + "schreef|ha scritto|skrev|napisał|написал|написала|пишет)";

    /** "On … wrote:", "El … escribió:", "Le … a écrit :", Yahoo's "--- On … wrote:". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(?:-{2,}\\s*)?(?:On|El|En|Le|Am|Em|Op|Il|Den|Dne|W dniu)\\s.{1,300}?" + VERBS + "\\s*:\\s*$", FLAGS);
    /** Other clients' wordings: Horde's "Citando a X:", Lotus Notes' "X escribió el 02/03/2026 10:15:", German's "Am … schrieb X:". */
    private static final Pattern OTHER_ATTRIBUTION = Pattern.compile(
            "^\\s*(?:Quoting|Citando a|Citando|Zitat von|Citation de)\\s.{0,250}@.{0,250}:\\s*$"
                    + "|^.{1,250}\\b(?:wrote on|escribió el|escribio el|a écrit le|schrieb am)\\s+\\d.{0,80}:\\s*$"
                    + "|^\\s*Am\\s.{1,200}\\bschrieb\\b.{0,200}:\\s*$", FLAGS);
    /** Looser shapes ("Juan <j@x> wrote:", "… <x@y>:"), trusted only right above a '>' block. */
    private static final Pattern LOOSE_ATTRIBUTION = Pattern.compile(
            "^.{0,250}[@\\d].{0,250}" + VERBS + "\\s*:\\s*$|^.{0,250}<[^<>\\s]+@[^<>\\s]+>\\s*:\\s*$", FLAGS);
    private static final Pattern DATE_LED = Pattern.compile(
            "^\\s*\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}\\b.{0,300}@.{0,300}:\\s*$", FLAGS);
    private static final Pattern START_WORD = Pattern.compile(
            "^\\s*(?:-{2,}\\s*)?(?:On|El|En|Le|Am|Em|Op|Il|Den|Dne|W dniu)\\s", FLAGS);

    /** "-----Original Message-----", "-------- Mensaje original --------", Gmail's forward line. */
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*[-_=*]{2,}\\s*(?:Original Message|Mensaje original|Message d'origine|Mensagem original|"
                    + "Ursprüngliche Nachricht|Messaggio originale|Forwarded message|Mensaje reenviado|"
                    + "Message transféré|Mensagem encaminhada|Reply message|Mensaje de respuesta)\\s*[-_=*]{2,}\\s*$",
            FLAGS);
    private static final Pattern FORWARD_INTRO = Pattern.compile(
            "^\\s*(?:Begin forwarded message|Inicio del mensaje reenviado|Comienzo del mensaje reenviado|"
                    + "Mensaje reenviado|Début du message réexpédié)\\s*:\\s*$", FLAGS);
    /** Outlook's line above the header block of the original. */
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{20,}\\s*$");

    /** "From: x", "*De:* x", "Enviado el: x" — a header line of a quoted original (value may be empty). */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "^\\s*\\*{0,2}(\\p{L}[\\p{L}-]*(?: \\p{L}[\\p{L}-]*)?)\\s*\\*{0,2}\\s*:(?:\\s|\\*|$)", FLAGS);
    private static final Set<String> FROM_KEYS = Set.of("from", "de", "von", "van", "da", "от", "expéditeur",
            "remetente", "mittente");
    private static final Set<String> OTHER_KEYS = Set.of("sent", "date", "to", "cc", "bcc", "subject", "reply-to",
            "importance", "enviado", "enviado el", "enviada", "enviado em", "enviada em", "fecha", "para", "asunto",
            "cco", "responder a", "importancia", "envoyé", "envoyé le", "à", "a", "objet", "gesendet", "an", "betreff",
            "datum", "отправлено", "дата", "кому", "тема", "копия", "assunto", "data", "inviato", "oggetto");

    private QuoteMarkers() {
    }

    static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    /** A separator line after which everything is the original, whatever follows it. */
    static boolean isSeparator(String line) {
        return line.length() < 200 && (ORIGINAL_MESSAGE.matcher(line).matches()
                || FORWARD_INTRO.matcher(line).matches() || UNDERSCORES.matcher(line).matches());
    }

    /** Header key of an Outlook-style header line, lower-cased, or null. */
    static String headerKey(String line) {
        if (line.length() > 1000) {
            return null;
        }
        Matcher m = HEADER_LINE.matcher(line);
        if (!m.find()) {
            return null;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        return FROM_KEYS.contains(key) || OTHER_KEYS.contains(key) ? key : null;
    }

    static boolean isFromKey(String key) {
        return key != null && FROM_KEYS.contains(key);
    }

    /** Kinds of attribution line: STRONG ones mark the original even without '>' below them, LOOSE ones only above it. */
    enum Attribution { NONE, STRONG, LOOSE }

    /** Classifies an attribution candidate (one to three source lines joined with spaces). */
    static Attribution attribution(String joined, boolean wrapped) {
        if (joined.length() > 600 || !joined.stripTrailing().endsWith(":")) {
            return Attribution.NONE;
        }
        if (OTHER_ATTRIBUTION.matcher(joined).matches()) {
            return Attribution.STRONG;
        }
        if (ATTRIBUTION.matcher(joined).matches()) {
            // Clients always put the date in; without one it may be the sender's own sentence ("El ministro
            // escribió:"), which only counts as an attribution right above quoted lines.
            return joined.chars().anyMatch(Character::isDigit) ? Attribution.STRONG : Attribution.LOOSE;
        }
        if (!wrapped && LOOSE_ATTRIBUTION.matcher(joined).matches() || DATE_LED.matcher(joined).matches()) {
            return Attribution.LOOSE;
        }
        return Attribution.NONE;
    }

    /** Whether a line can open an attribution that wraps onto the next lines ("On Tue, Sep 25, 2012 at 8:59 AM, X"). */
    static boolean canOpenWrappedAttribution(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.endsWith(".") || s.endsWith("!") || s.endsWith("?") || s.endsWith(":")
                || !s.matches("(?s).*\\d.*")) {
            return false;
        }
        return START_WORD.matcher(s).find() || Character.isDigit(s.charAt(0));
    }
}
