package org.rcm.requests.task;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist in English for a user whose browser asks for English: what the engine stores is Spanish, the
 * Secretariat's language (task names, form labels, filter names), and this filter gives English users the English
 * text that the models carry beside it: a task's name from its element's label (the diagrams are English); a form
 * field's {@code label}, {@code dateLabel}, {@code description} or {@code text} from the custom property of the same
 * name with {@code _en} ({@code label_en} …) and an option's label from {@code value_en.<value>} (Camunda Modeler: the
 * field's custom properties); a filter's name from its {@code name_en} property. Never both languages in one label;
 * Spanish and any other language get the Spanish.
 */
public class TasklistLanguage extends OncePerRequestFilter {

    static final String SUFFIX = "_en";
    /** A select's, radio's or tag list's option: {@code value_en.<value>}. */
    static final String VALUE_PREFIX = "value_en.";

    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper();

    public TasklistLanguage(RepositoryService repository) {
        this.repository = repository;
    }

    /** English when the browser's first choice is English. */
    static boolean english(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !english(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String type = wrapper.getContentType();
        byte[] body = wrapper.getContentAsByteArray();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")
                && body.length > 0) {
            JsonNode root;
            try {
                root = json.readTree(body);
            } catch (IOException e) {
                wrapper.copyBodyToResponse();
                return;
            }
            if (translate(root)) {
                byte[] english = json.writeValueAsBytes(root);
                wrapper.resetBuffer();
                wrapper.getOutputStream().write(english);
            }
        }
        wrapper.copyBodyToResponse();
    }

    private boolean translate(JsonNode node) {
        boolean changed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            changed |= formComponent(object) | taskName(object) | filterName(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            changed |= translate(children.next());
        }
        return changed;
    }

    /** A Camunda Form component with English properties. */
    private static boolean formComponent(ObjectNode component) {
        JsonNode properties = component.get("properties");
        if (properties == null || !properties.isObject() || !component.has("type")) {
            return false;
        }
        boolean changed = false;
        for (String field : new String[] {"label", "dateLabel", "description", "text"}) {
            JsonNode english = properties.get(field + SUFFIX);
            if (english != null && english.isTextual()) {
                component.put(field, english.asText());
                changed = true;
            }
        }
        for (JsonNode value : component.path("values")) {
            JsonNode english = properties.get(VALUE_PREFIX + value.path("value").asText());
            if (value.isObject() && english != null && english.isTextual()) {
                ((ObjectNode) value).put("label", english.asText());
                changed = true;
            }
        }
        return changed;
    }

    /** A task: the model's English label instead of its Spanish title, the rest of the name (request, party) kept. */
    private boolean taskName(ObjectNode task) {
        JsonNode name = task.get("name");
        JsonNode key = task.get("taskDefinitionKey");
        JsonNode definition = task.get("processDefinitionId");
        if (name == null || !name.isTextual() || key == null || !key.isTextual() || definition == null
                || !definition.isTextual()) {
            return false;
        }
        ModelElementInstance element = repository.getBpmnModelInstance(definition.asText())
                .getModelElementById(key.asText());
        if (!(element instanceof BaseElement modelTask)) {
            return false;
        }
        String spanish = TaskTitles.spanish(modelTask);
        String label = element.getAttributeValue("name");
        if (spanish == null || label == null || !name.asText().startsWith(spanish)) {
            return false;
        }
        task.put("name", label + name.asText().substring(spanish.length()));
        return true;
    }

    /** A Tasklist filter with an English name in its properties. */
    private static boolean filterName(ObjectNode filter) {
        JsonNode english = filter.path("properties").get("name" + SUFFIX);
        if (!"Task".equals(filter.path("resourceType").asText()) || english == null || !english.isTextual()) {
            return false;
        }
        filter.put("name", english.asText());
        return true;
    }
}
