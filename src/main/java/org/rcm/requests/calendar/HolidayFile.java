package org.rcm.requests.calendar;

import static org.rcm.requests.calendar.HolidayFileException.at;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the holiday file (docs/calendar.md) through SnakeYAML's node tree, which keeps each entry's line: every
 * problem comes back at once, each with its line and entry, and a file with any is not used.
 */
public final class HolidayFile {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final List<String> COUNTRY_KEYS = List.of("name", "checked", "holidays");

    private HolidayFile() {
    }

    /** The holidays of a Spring resource location ({@code classpath:…}, {@code file:…}, or a path). */
    public static Holidays read(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location);
        if (!resource.exists()) {
            throw new HolidayFileException(location, List.of(at(0, "el archivo no existe", "the file does not exist")));
        }
        try (InputStream in = resource.getInputStream()) {
            return read(location, in);
        } catch (IOException e) {
            throw new HolidayFileException(location, List.of(at(0, "no se puede leer: " + e.getMessage(),
                    "cannot be read: " + e.getMessage())));
        }
    }

    static Holidays read(String file, InputStream content) {
        Node root;
        try (Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new HolidayFileException(file, List.of(at(line, "no es YAML válido: " + e.getProblem(),
                    "not valid YAML: " + e.getProblem())));
        } catch (YAMLException | IOException e) {
            throw new HolidayFileException(file, List.of(at(0, "no es YAML válido en UTF-8: " + e.getMessage(),
                    "not valid UTF-8 YAML: " + e.getMessage())));
        }
        if (root == null) {
            return new Holidays(file, Map.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Holidays.Country> countries = new LinkedHashMap<>();
        if (!(root instanceof MappingNode mapping)) {
            throw new HolidayFileException(file, List.of(at(line(root), "el archivo debe ser un mapa de países "
                    + "(CR: …)", "the file must be a mapping of countries (CR: …)")));
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String code = text(tuple.getKeyNode());
            int line = line(tuple.getKeyNode());
            if (code == null || !COUNTRY.matcher(code).matches()) {
                problems.add(at(line, "'" + code + "' no es un código de país de dos letras mayúsculas (CR)",
                        "'" + code + "' is not a two-letter upper-case country code (CR)"));
            } else if (countries.containsKey(code)) {
                problems.add(at(line, "país repetido " + code, "country " + code + " appears twice"));
            } else {
                countries.put(code, country(code, tuple.getValueNode(), problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new HolidayFileException(file, problems);
        }
        return new Holidays(file, countries);
    }

    private static Holidays.Country country(String code, Node node, List<String> problems) {
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        boolean checked = false;
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(line(node), code + ": debe tener 'holidays' (fecha: nombre)",
                    code + ": must have 'holidays' (date: name)"));
            return new Holidays.Country(holidays, false);
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = text(tuple.getKeyNode());
            int line = line(tuple.getKeyNode());
            if (!COUNTRY_KEYS.contains(key)) {
                problems.add(at(line, code + ": clave desconocida '" + key + "' (admitidas: name, checked, holidays)",
                        code + ": unknown key '" + key + "' (allowed: name, checked, holidays)"));
            } else if (!seen.add(key)) {
                problems.add(at(line, code + ": clave repetida '" + key + "'", code + ": duplicate key '" + key + "'"));
            } else if (key.equals("checked")) {
                String value = text(tuple.getValueNode());
                if (!"true".equals(value) && !"false".equals(value)) {
                    problems.add(at(line(tuple.getValueNode()), code + ": checked debe ser true o false",
                            code + ": checked must be true or false"));
                }
                checked = "true".equals(value);
            } else if (key.equals("holidays")) {
                dates(code, tuple.getValueNode(), holidays, problems);
            }
        }
        return new Holidays.Country(holidays, checked);
    }

    private static void dates(String code, Node node, Map<LocalDate, String> holidays, List<String> problems) {
        if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
            return; // "holidays:" with nothing under it: weekends only
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(at(line(node), code + ": 'holidays' debe ser un mapa fecha: nombre (2026-01-01: Año Nuevo)",
                    code + ": 'holidays' must be a mapping date: name (2026-01-01: New Year's Day)"));
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String date = text(tuple.getKeyNode());
            String name = text(tuple.getValueNode());
            int line = line(tuple.getKeyNode());
            try {
                LocalDate day = LocalDate.parse(date == null ? "" : date);
                if (holidays.containsKey(day)) {
                    problems.add(at(line, code + " " + date + ": fecha repetida", code + " " + date
                            + ": date appears twice"));
                } else if (name == null || name.isBlank()) {
                    problems.add(at(line, code + " " + date + ": falta el nombre del feriado",
                            code + " " + date + ": the holiday has no name"));
                } else {
                    holidays.put(day, name.trim());
                }
            } catch (DateTimeParseException e) {
                problems.add(at(line, code + ": '" + date + "' no es una fecha AAAA-MM-DD",
                        code + ": '" + date + "' is not a date YYYY-MM-DD"));
            }
        }
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
