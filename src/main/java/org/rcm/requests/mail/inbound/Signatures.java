package org.rcm.requests.mail.inbound;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a signature starts: the {@code -- } delimiter, a device line ("Sent from my iPhone", "Enviado desde mi
 * Samsung"), or a lone "-Name" closing the text. Only these explicit shapes count: a Secretariat cannot afford to
 * drop a sentence because it looked like a signature, so closings such as "Saludos, María" stay in the reply.
 */
final class Signatures {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern DELIMITER = Pattern.compile("^--\\s*$");
    private static final String TOKEN = "[\\p{L}\\p{N}®™+&'/()-]+";
    /** "Sent from my iPhone", "Enviado desde mi teléfono Huawei": up to four plain words, no sentence after them. */
    private static final Pattern DEVICE = Pattern.compile(
            "^(?:Sent|Enviado|Enviada|Envoyé|Gesendet)\\s+(?:from|desde|de|von|depuis|with|con|via|vía|using)\\s+"
                    + "(?:my|mi|mon|meinem)\\s+" + TOKEN + "(?:\\s+" + TOKEN + "){0,3}\\s*\\.?$", FLAGS);
    /** "Sent from Outlook for iOS", "Obtener Outlook para Android", "Enviado desde Yahoo Mail con Android". */
    private static final Pattern APP = Pattern.compile(
            "^(?:Sent from|Enviado desde|Get|Obtener|Obtén|Descargar|Descarga)\\s+(?:Outlook|Yahoo Mail|Mail|Correo|"
                    + "Gmail|Samsung Mail|BlueMail|Spark|AOL)(?:\\s+(?:for|para|on|con|en)\\s+[^,;]{1,40})?\\s*$", FLAGS);
    private static final Pattern DASH_NAME = Pattern.compile("^-\\p{L}[\\p{L}.' ]{0,40}$", FLAGS);

    private Signatures() {
    }

    /** The lines before the signature (all of them when there is none). */
    static List<String> strip(List<String> lines) {
        int lastContent = lastNonBlank(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (DELIMITER.matcher(lines.get(i)).matches() || isDevice(line)
                    || i == lastContent && isDashName(line) && (i == 0 || lines.get(i - 1).isBlank())) {
                return lines.subList(0, i);
            }
        }
        return lines;
    }

    static boolean isDevice(String line) {
        return line.length() < 120 && (DEVICE.matcher(line).matches() || APP.matcher(line).matches());
    }

    private static boolean isDashName(String line) {
        return DASH_NAME.matcher(line).matches() && line.split("\\s+").length <= 4;
    }

    private static int lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
