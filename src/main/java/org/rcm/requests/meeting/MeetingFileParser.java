package org.rcm.requests.meeting;

import static org.rcm.requests.meeting.MeetingFileException.at;
import static org.rcm.requests.meeting.YamlFields.line;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.rcm.requests.directory.Directory;
import org.rcm.requests.meeting.MeetingFile.AgreementEntry;
import org.rcm.requests.meeting.MeetingFile.Header;
import org.rcm.requests.meeting.MeetingFile.RequestEntry;
import org.rcm.requests.request.RecipientCodes;
import org.rcm.requests.request.RequestKind;
import org.rcm.requests.request.RequestText;
import org.rcm.requests.request.RequestTopics;
import org.rcm.requests.request.RequestValidator;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a meeting file (docs/meetings-yaml.md) through SnakeYAML's node tree, which keeps every value's line, and
 * checks it whole: all problems come back at once, each with its line, and a file with any is not imported.
 */
@Component
class MeetingFileParser {

    private static final Pattern MEETING_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z.]{1,10}");
    private static final List<String> LANGUAGES = RequestText.LANGUAGES;
    // the limits of the columns (V4) and of the request validator, checked here so that errors have a line
    private static final int MAX_NAME = 500;
    private static final int MAX_PLACE = 200;
    private static final int MAX_TEXT = 4_000;
    private static final int MAX_RESPONSIBLE = 200;
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_BODY = RequestValidator.MAX_BODY;

    private final Directory directory;
    private final MeetingsProperties properties;

    MeetingFileParser(Directory directory, MeetingsProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    /** The checked file; or a {@link MeetingFileException} listing every problem with its line. */
    MeetingFile parse(byte[] content) {
        if (content.length > properties.maxFileBytes()) {
            throw new MeetingFileException(List.of(at(0, "el archivo es demasiado grande (máximo "
                    + properties.maxFileBytes() + " bytes)", "the file is too large (at most "
                    + properties.maxFileBytes() + " bytes)")));
        }
        Node root = compose(utf8(content));
        List<String> problems = new ArrayList<>();
        if (!(root instanceof MappingNode)) {
            throw new MeetingFileException(List.of(at(line(root), "el archivo debe tener las claves meeting y "
                    + "agreements (docs/meetings-yaml.md)", "the file must have the keys meeting and agreements "
                    + "(docs/meetings-yaml.md)")));
        }
        List<String> topKeys = List.of("meeting", "agreements");
        YamlFields top = YamlFields.of(root, "/", topKeys, topKeys, problems).orElseThrow();
        Header header = top.node("meeting").map(node -> header(node, problems)).orElse(null);
        String language = header == null || header.language() == null ? "es" : header.language();
        List<AgreementEntry> agreements = top.node("agreements").map(node -> agreements(node, language, problems))
                .orElse(List.of());
        if (!problems.isEmpty()) {
            throw new MeetingFileException(problems);
        }
        return new MeetingFile(header, agreements);
    }

    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MeetingFileException(List.of(at(0, "el archivo no es texto UTF-8",
                    "the file is not UTF-8 text")));
        }
    }

    private static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        // no anchors that repeat whole lists or mappings (a small file could expand without bound)
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new MeetingFileException(List.of(at(line, "no es YAML válido (" + e.getProblem() + ")",
                    "not valid YAML (" + e.getProblem() + ")")));
        } catch (YAMLException e) {
            throw new MeetingFileException(List.of(at(0, "no es YAML válido (" + e.getMessage() + ")",
                    "not valid YAML (" + e.getMessage() + ")")));
        }
        if (root == null) {
            throw new MeetingFileException(List.of(at(0, "el archivo está vacío", "the file is empty")));
        }
        return root;
    }

    private Header header(Node node, List<String> problems) {
        YamlFields fields = YamlFields.of(node, "meeting", List.of("id", "name", "place", "from", "to", "language"),
                List.of("id", "name", "place", "from", "to"), problems).orElse(null);
        if (fields == null) {
            return null;
        }
        String id = fields.required("id", 80);
        if (id != null && !MEETING_ID.matcher(id).matches()) {
            problems.add(at(fields.line("id"), "id no válido '" + id + "' (minúsculas, cifras y guiones)",
                    "invalid id '" + id + "' (lower-case letters, digits and hyphens)"));
        }
        String name = fields.required("name", MAX_NAME);
        String place = fields.required("place", MAX_PLACE);
        LocalDate from = fields.date("from");
        LocalDate to = fields.date("to");
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(at(fields.line("to"), "la fecha 'to' " + to + " es anterior a 'from' " + from,
                    "'to' " + to + " is before 'from' " + from));
        }
        String language = language(fields, "es", problems);
        return new Header(id, name, place, from, to, language);
    }

    private List<AgreementEntry> agreements(Node node, String language, List<String> problems) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(at(line(node), "'agreements' debe ser una lista con al menos un acuerdo",
                    "'agreements' must be a list of at least one agreement"));
            return List.of();
        }
        List<AgreementEntry> agreements = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (Node item : sequence.getValue()) {
            YamlFields fields = YamlFields.of(item, "agreements", List.of("number", "text", "responsible", "due",
                    "requests"), List.of("number", "text", "responsible"), problems).orElse(null);
            if (fields == null) {
                continue;
            }
            String number = fields.required("number", 10);
            if (number != null && !NUMBER.matcher(number).matches()) {
                problems.add(at(fields.line("number"), "número de acuerdo no válido '" + number + "' (p. ej. 1a)",
                        "invalid agreement number '" + number + "' (e.g. 1a)"));
            } else if (number != null && numbers.containsKey(number)) {
                problems.add(at(fields.line("number"), "número de acuerdo repetido " + number + " (ya en la línea "
                        + numbers.get(number) + ")", "duplicate agreement number " + number + " (already on line "
                        + numbers.get(number) + ")"));
            } else if (number != null) {
                numbers.put(number, fields.line("number"));
            }
            String text = fields.required("text", MAX_TEXT);
            String responsible = fields.required("responsible", MAX_RESPONSIBLE);
            LocalDate due = fields.date("due");
            List<RequestEntry> requests = fields.node("requests").map(requestsNode ->
                    requests(requestsNode, language, problems)).orElse(List.of());
            agreements.add(new AgreementEntry(number, text, responsible, due, requests, fields.line()));
        }
        return agreements;
    }

    private List<RequestEntry> requests(Node node, String language, List<String> problems) {
        if (node instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problems.add(at(line(node), "'requests' debe ser una lista", "'requests' must be a list"));
            return List.of();
        }
        List<RequestEntry> requests = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            YamlFields fields = YamlFields.of(item, "requests", List.of("subject", "body", "subjects", "bodies",
                    "recipients", "kind", "due", "language", "topic", "acknowledgement"), List.of("recipients"), problems)
                    .orElse(null);
            if (fields == null) {
                continue;
            }
            // subject and body in the request's language, or by language in subjects and bodies (or both)
            Map<String, String> subjects = byLanguage(fields, "subjects", MAX_SUBJECT, problems);
            Map<String, String> bodies = byLanguage(fields, "bodies", MAX_BODY, problems);
            String subject = text(fields, "subject", "subjects", subjects, MAX_SUBJECT, problems);
            String body = text(fields, "body", "bodies", bodies, MAX_BODY, problems);
            List<String> recipients = fields.node("recipients").map(recipientsNode ->
                    recipients(recipientsNode, problems)).orElse(List.of());
            RequestKind kind = kind(fields, problems);
            LocalDate due = fields.date("due");
            String requestLanguage = language(fields, language, problems);
            if (fields.node("language").isEmpty() && subject == null && body == null
                    && !subjects.containsKey(requestLanguage) && !bodies.containsKey(requestLanguage)) {
                // given only in the other working language: a request in that language
                requestLanguage = subjects.keySet().stream().findFirst()
                        .orElse(bodies.keySet().stream().findFirst().orElse(requestLanguage));
            }
            requests.add(new RequestEntry(subject, body, subjects, bodies, recipients, kind, due, requestLanguage,
                    topic(fields, problems), yesOrNo(fields, "acknowledgement", problems), fields.line()));
        }
        return requests;
    }

    /** The request's topic: a code as the request validator takes it, or {@code null}. */
    private static String topic(YamlFields fields, List<String> problems) {
        String topic = RequestTopics.normalize(fields.optional("topic"));
        if (topic != null && !RequestTopics.valid(topic)) {
            problems.add(at(fields.line("topic"), RequestTopics.problemEs(topic), RequestTopics.problemEn(topic)));
            return null;
        }
        return topic;
    }

    /** {@code true} or {@code false} (absent: false). */
    private static boolean yesOrNo(YamlFields fields, String key, List<String> problems) {
        String text = fields.optional(key);
        if (text == null || text.equals("false")) {
            return false;
        }
        if (!text.equals("true")) {
            problems.add(at(fields.line(key), "'" + key + "' debe ser true o false", "'" + key
                    + "' must be true or false"));
        }
        return text.equals("true");
    }

    /**
     * The text of {@code key} ({@code subject}, {@code body}); required unless {@code byLanguageKey} gives texts. A
     * subject is one line.
     */
    private static String text(YamlFields fields, String key, String byLanguageKey, Map<String, String> byLanguage,
                               int maxLength, List<String> problems) {
        if (fields.node(key).isEmpty()) {
            if (byLanguage.isEmpty() && fields.node(byLanguageKey).isEmpty()) {
                problems.add(at(fields.line(), "falta la clave '" + key + "' (o '" + byLanguageKey + "') en "
                        + "'requests'", "missing key '" + key + "' (or '" + byLanguageKey + "') in 'requests'"));
            }
            return null;
        }
        String text = fields.required(key, maxLength);
        if (key.equals("subject")) {
            singleLine(text, fields.line(key), problems);
        }
        return text;
    }

    private static void singleLine(String subject, int line, List<String> problems) {
        if (subject != null && (subject.contains("\n") || subject.contains("\r"))) {
            problems.add(at(line, "el asunto debe ser una sola línea", "the subject must be a single line"));
        }
    }

    /** {@code subjects} or {@code bodies}: a mapping of working languages ({@code es}, {@code en}) to texts. */
    private static Map<String, String> byLanguage(YamlFields fields, String key, int maxLength,
                                                  List<String> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        Node node = fields.node(key).orElse(null);
        if (node == null) {
            return texts;
        }
        YamlFields languages = YamlFields.of(node, key, List.copyOf(LANGUAGES), List.of(), problems).orElse(null);
        if (languages == null) {
            return texts;
        }
        for (String language : LANGUAGES) {
            if (languages.node(language).isPresent()) {
                String text = languages.required(language, maxLength);
                if (key.equals("subjects")) {
                    singleLine(text, languages.line(language), problems);
                }
                if (text != null) {
                    texts.put(language, text);
                }
            }
        }
        return texts;
    }

    private List<String> recipients(Node node, List<String> problems) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problems.add(at(line(node), "'recipients' debe ser una lista de códigos del directorio, p. ej. [IOM, MX]",
                    "'recipients' must be a list of directory codes, e.g. [IOM, MX]"));
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                problems.add(at(line(item), "cada destinatario debe ser un código", "each recipient must be a code"));
                continue;
            }
            List<String> code = RecipientCodes.parse(List.of(scalar.getValue()));
            if (!directory.unknown(code).isEmpty()) {
                problems.add(at(line(item), "código desconocido en el directorio: " + scalar.getValue(),
                        "unknown directory code: " + scalar.getValue()));
            }
            codes.addAll(code);
        }
        return RecipientCodes.parse(codes);
    }

    private static RequestKind kind(YamlFields fields, List<String> problems) {
        String text = fields.optional("kind");
        if (text == null) {
            return RequestKind.INFORMATION;
        }
        return RequestKind.parse(text).orElseGet(() -> {
            String allowed = String.join(", ", Arrays.stream(RequestKind.values()).map(RequestKind::code)
                    .toList());
            problems.add(at(fields.line("kind"), "tipo desconocido '" + text + "' (" + allowed + ")",
                    "unknown kind '" + text + "' (" + allowed + ")"));
            return null;
        });
    }

    private static String language(YamlFields fields, String fallback, List<String> problems) {
        String text = fields.optional("language");
        if (text == null) {
            return fallback;
        }
        if (!LANGUAGES.contains(text)) {
            problems.add(at(fields.line("language"), "idioma no admitido '" + text + "' (es, en)",
                    "unsupported language '" + text + "' (es, en)"));
        }
        return text;
    }
}
